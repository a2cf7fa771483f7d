// 改正: turning findings with a suggested replacement into edits of the text. A finding names its
// words by line (1-based) and column (0-based, in characters, as the checker counts them); the
// editor counts UTF-16 code units over the whole text. The text may have moved on since the check
// (an earlier 改正 on the same line shifts what follows it), so each fix is found again: at its
// column if the words are still there, else the occurrence on its line nearest to it, else it is
// skipped — never a replacement of words the finding was not about.
import type { FindingCode, FindingItem } from '../lib/api';

/** One replacement a finding proposes. */
export interface Fix {
  code: FindingCode;
  key: string;
  line: number;
  column: number;
  matched: string;
  suggestion: string;
}

/** One edit of the text, in UTF-16 offsets of the text it was planned on. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
  fix: Fix;
}

/** The replacement a finding proposes, if it proposes one. */
export function fixOf(f: FindingItem): Fix | null {
  if (f.matched == null || f.suggestion == null || f.column == null || f.line < 1) return null;
  if (f.matched === '' || f.matched === f.suggestion) return null;
  return { code: f.code, key: f.key, line: f.line, column: f.column, matched: f.matched, suggestion: f.suggestion };
}

/** The UTF-16 offset of each line's start (a `\n` ends a line, as in CodeMirror). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The UTF-16 offset within `line` of its `column`-th character (clamped to the line). */
function unitsOf(line: string, column: number): number {
  let units = 0;
  let chars = 0;
  for (const ch of line) {
    if (chars === column) break;
    units += ch.length;
    chars += 1;
  }
  return units;
}

/** Where in `line` (UTF-16) the fix's words now stand: at `near` if there, else the nearest. */
function locate(line: string, matched: string, near: number): number | null {
  if (line.startsWith(matched, near)) return near;
  let best: number | null = null;
  for (let i = line.indexOf(matched); i !== -1; i = line.indexOf(matched, i + 1)) {
    if (best === null || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best;
}

/**
 * The edits that apply `fixes` to `text`, sorted and never overlapping (of two fixes on the same
 * words the first wins), with the fixes that could not be placed. All offsets are in `text` as
 * given: applied together (one transaction, one undo step) they need no shifting.
 */
export function planFixes(text: string, fixes: Fix[]): { changes: TextChange[]; skipped: Fix[] } {
  const starts = lineStarts(text);
  const placed: TextChange[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const start = starts[fix.line - 1];
    if (start === undefined) {
      skipped.push(fix);
      continue;
    }
    const end = fix.line < starts.length ? starts[fix.line] - 1 : text.length;
    const line = text.slice(start, end);
    const at = locate(line, fix.matched, unitsOf(line, fix.column));
    if (at === null) {
      skipped.push(fix);
      continue;
    }
    const from = start + at;
    const to = from + fix.matched.length;
    if (placed.some((c) => from < c.to && c.from < to)) {
      skipped.push(fix);
      continue;
    }
    placed.push({ from, to, insert: fix.suggestion, fix });
  }
  placed.sort((a, b) => a.from - b.from);
  return { changes: placed, skipped };
}

/** `text` with non-overlapping `changes` (offsets in `text`) applied, as the editor would. */
export function applyChanges(text: string, changes: TextChange[]): string {
  let out = '';
  let at = 0;
  for (const c of [...changes].sort((a, b) => a.from - b.from)) {
    out += text.slice(at, c.from) + c.insert;
    at = c.to;
  }
  return out + text.slice(at);
}

/** The findings of one kind that 全部改正 would apply, in text order. */
export function fixesOfCode(findings: FindingItem[], code: FindingCode): Fix[] {
  return findings
    .filter((f) => f.code === code)
    .map(fixOf)
    .filter((f): f is Fix => f !== null)
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The kinds of finding with at least two fixes (全部改正 is offered for those), in list order. */
export function fixableCodes(findings: FindingItem[]): { code: FindingCode; count: number }[] {
  const counts = new Map<FindingCode, number>();
  for (const f of findings) if (fixOf(f)) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).map(([code, count]) => ({ code, count }));
}

/** Findings the drafter has not dismissed (不是错误) in this draft. */
export function visibleFindings(findings: FindingItem[], dismissed: ReadonlySet<string>): FindingItem[] {
  return dismissed.size === 0 ? findings : findings.filter((f) => !dismissed.has(f.key));
}

