// Prints the one benchmark table of `scripts/bench/run.sh`: work, budget (design.md), measured
// median, pass/fail, then the Python baseline comparison as a ratio.
//
// Usage: node table.mjs BUDGETS.tsv DIVAN_OUTPUT.txt OUT_DIR
//   OUT_DIR holds the process timings run.sh measured: nianbao.times, python.times (one run's
//   milliseconds per line) and python-work.times (the baseline's own work, milliseconds).
// Exit status 1 when a measured row is over its budget; a missing measurement is reported as
// "not measured" and fails nothing. It never measures anything itself.
import fs from 'node:fs';
import path from 'node:path';

const [budgetsPath, divanPath, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node table.mjs BUDGETS.tsv DIVAN_OUTPUT.txt OUT_DIR');
  process.exit(2);
}

const UNIT_MS = { ns: 1e-6, 'µs': 1e-3, 'μs': 1e-3, us: 1e-3, ms: 1, s: 1000 };
const TIME = /^([\d.]+)\s*(ns|µs|μs|us|ms|s)$/;

// divan prints a tree per bench binary:
//   check                      fastest │ slowest │ median │ mean │ samples │ iters
//   ├─ full_check_of_two…      1.2 ms  │ 2.0 ms  │ 1.3 ms │ …
//   ╰─ search                          │         │        │
//      ├─ 复议                  …
// Every row with a time in the median column becomes "<binary>/<path>" → median in ms.
export function parseDivan(text) {
  const medians = new Map();
  const stack = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    // The tree drawing (│ ├─ ╰─) comes first; the table's columns are split by │ after it.
    const m = line.match(/^([│├╰─\s]*)(.*)$/u);
    const cells = m[2].split('│');
    if (cells.length < 5) continue;
    const first = cells[0].trim();
    const isHeader = m[1] === '' && /\bfastest$/.test(first);
    const timeAtEnd = first.match(/^(.*\S)\s+([\d.]+\s*(?:ns|µs|μs|us|ms|s))$/u);
    const name = isHeader ? first.replace(/\s*fastest$/, '') : timeAtEnd ? timeAtEnd[1] : first;
    if (!name || name.endsWith(':') || /^[\d.\s]+$/.test(name)) continue; // alloc counter rows
    const depth = isHeader ? 0 : Math.max(1, Math.round([...m[1]].length / 3));
    stack.length = depth;
    stack[depth] = name;
    const median = cells[2].trim().match(TIME);
    if (!isHeader && median && timeAtEnd) {
      medians.set(stack.slice(0, depth + 1).join('/'), Number(median[1]) * UNIT_MS[median[2]]);
    }
  }
  return medians;
}

function median(values) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function readTimes(name) {
  try {
    const text = fs.readFileSync(path.join(outDir, name), 'utf8');
    return text.split('\n').map(Number).filter((n) => Number.isFinite(n) && n > 0);
  } catch {
    return [];
  }
}

function fmt(ms) {
  if (ms === null || ms === undefined) return 'not measured';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

// Terminal width of a string: CJK and full-width characters take two columns.
function width(s) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));

const divan = parseDivan(fs.existsSync(divanPath) ? fs.readFileSync(divanPath, 'utf8') : '');

const nianbaoRuns = readTimes('nianbao.times');
const pythonRuns = readTimes('python.times');
const pythonWork = readTimes('python-work.times');

const divanText = fs.existsSync(divanPath) ? fs.readFileSync(divanPath, 'utf8') : '';

function lookup(source, key) {
  if (source === 'process') return median(key === 'nianbao' ? nianbaoRuns : readTimes(`${key}.times`));
  if (source === 'log') {
    const m = divanText.match(new RegExp(key, 'u'));
    return m ? Number(m[1]) * 1000 : null;
  }
  const re = new RegExp('^' + key.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+') + '$');
  const hits = [...divan].filter(([k]) => re.test(k)).map(([, v]) => v);
  return hits.length ? Math.max(...hits) : null;
}

const rows = [];
let failed = 0;
for (const line of fs.readFileSync(budgetsPath, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [label, budget, source, key] = line.split('\t');
  const ms = lookup(source, key);
  const budgetMs = budget === '-' ? null : Number(budget);
  let verdict = '—';
  if (ms !== null && budgetMs !== null) {
    verdict = ms <= budgetMs ? 'pass' : 'FAIL';
    if (ms > budgetMs) failed++;
  } else if (ms === null && budgetMs !== null) {
    verdict = 'not measured';
  }
  rows.push([label, budgetMs === null ? '—' : `≤ ${budgetMs} ms`, fmt(ms), verdict]);
}

const nianbaoMs = median(nianbaoRuns);
const pythonMs = median(pythonRuns);
const workMs = median(pythonWork);
const checkMs = lookup('divan', 'check/full_check_of_two_30k_reports');
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}× slower than nianbao` : 'not measured');
rows.push(['Python baseline, whole process, same pair', '—', fmt(pythonMs), ratio(pythonMs, nianbaoMs)]);
rows.push(['Python baseline, work only (jieba loaded)', '—', fmt(workMs), workMs && checkMs ? `${(workMs / checkMs).toFixed(1)}× the in-process check` : 'not measured']);

const head = ['work', 'budget', 'median', 'result'];
const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
console.log(head.map((h, i) => pad(h, widths[i])).join(' | '));
console.log(rule);
for (const r of rows) console.log(r.map((c, i) => pad(c, widths[i])).join(' | '));
console.log(rule);
const pair = fs.existsSync(path.join(outDir, 'pair.txt')) ? fs.readFileSync(path.join(outDir, 'pair.txt'), 'utf8').trim() : '';
if (pair) console.log(`pair: ${pair}`);
console.log(`divan rows read: ${divan.size}; process runs: nianbao ${nianbaoRuns.length}, python ${pythonRuns.length}`);
console.log(failed ? `${failed} budget(s) exceeded` : 'every measured budget met');
process.exit(failed ? 1 : 0);
