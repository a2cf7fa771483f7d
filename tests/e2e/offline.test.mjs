// No network anywhere: the app starts and shows the sample library inside a network namespace of
// its own (`unshare -n`). Two runs: (1) the whole WebDriver stack in a namespace that has only the
// loopback interface (the driver needs it to reach the app), checking what the library pane shows;
// (2) the bare app in a namespace with no interface up at all, checking that it stays up, maps its
// window and seeds the sample library into its data folder. Skipped, saying why, where unshare is
// not permitted (not root, or no user namespaces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { APP, REPO, descendants, procStat, sleep, withTempDir } from './harness.mjs';

const here = join(REPO, 'tests/e2e');

function tryKill(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

function unshareProblem() {
  const r = spawnSync('unshare', ['-n', '--', 'true'], { encoding: 'utf8' });
  if (r.error) return `unshare is not available (${r.error.message})`;
  if (r.status !== 0) return `unshare -n is not permitted here: ${r.stderr.trim()}`;
  return null;
}
const problem = unshareProblem();

/** The commands these tests use besides the app, with the Debian package of each (Makefile APT_HEADLESS). */
function assertTools(...names) {
  const packages = { ip: 'iproute2', sqlite3: 'sqlite3', xwininfo: 'x11-utils', xprop: 'x11-utils' };
  const missing = names.filter((n) => spawnSync('sh', ['-c', `command -v ${n}`]).status !== 0);
  assert.deepEqual(missing, [], `missing commands ${missing.join(', ')}: apt-get install ${[...new Set(missing.map((n) => packages[n]))].join(' ')} (make deps-apt)`);
}

test('in a network namespace with only loopback, the app shows the sample library', { skip: problem ?? false }, async () => {
  assertTools('ip');
  const child = spawn(
    'unshare',
    ['-n', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$1"', process.execPath, join(here, 'offline-probe.mjs')],
    { stdio: ['ignore', 'pipe', 'pipe'], env: process.env },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGTERM'), 120_000); // the probe closes its app itself
    child.on('exit', (c) => {
      clearTimeout(timer);
      ok(c);
    });
  });
  const line = stdout.split('\n').find((l) => l.startsWith('OFFLINE-RESULT '));
  assert.ok(line, `the probe reported (exit ${code}):\n${stdout}\n${stderr}`);
  const result = JSON.parse(line.slice('OFFLINE-RESULT '.length));
  assert.equal(result.error, undefined, result.error);
  assert.ok(result.reports.some((r) => /示例市/.test(r) && /2023/.test(r)), `the 2023 sample report: ${JSON.stringify(result.reports)}`);
  assert.ok(result.drafts.some((d) => /2024/.test(d)), `the 2024 sample draft: ${JSON.stringify(result.drafts)}`);
  assert.deepEqual(result.errors, [], 'no error banner');
  console.log(`offline (loopback only): start to interactive ${result.interactiveMs} ms`);
});

test('in a network namespace with no interface up, the bare app starts, maps its window and seeds the library', { skip: problem ?? false }, async () => {
  assertTools('sqlite3', 'xwininfo', 'xprop');
  await withTempDir(async (dataDir) => {
    const child = spawn('unshare', ['-n', '--', APP], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NIANBAO_DATA_DIR: dataDir, WEBKIT_DISABLE_COMPOSITING_MODE: '1', WEBKIT_DISABLE_DMABUF_RENDERER: '1', NO_AT_BRIDGE: '1' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const alive = () => child.exitCode === null && child.signalCode === null;
    try {
      // unshare execs the app, so the child pid is the app; the window carries it in _NET_WM_PID.
      const deadline = Date.now() + 60_000;
      let seeded = '';
      let window = false;
      while (Date.now() < deadline && !(seeded && window)) {
        assert.ok(alive(), `the app keeps running without a network (output: ${output})`);
        if (!window) {
          const tree = spawnSync('xwininfo', ['-root', '-children'], { encoding: 'utf8' }).stdout ?? '';
          for (const id of tree.match(/0x[0-9a-f]+/g) ?? []) {
            const props = spawnSync('xprop', ['-id', id, '_NET_WM_PID', 'WM_NAME'], { encoding: 'utf8' }).stdout ?? '';
            if (props.includes(`= ${child.pid}`) && props.includes('年报助手')) window = true;
          }
        }
        if (!seeded) {
          try {
            seeded = execFileSync('sqlite3', [join(dataDir, 'library.sqlite3'), "SELECT group_concat(title, '|') FROM reports;"], {
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'ignore'],
              timeout: 5000,
            }).trim();
          } catch {
            seeded = ''; // not created yet
          }
        }
        if (!(seeded && window)) await sleep(250);
      }
      assert.ok(window, 'the window 年报助手 is mapped');
      assert.match(seeded, /示例市/, `the sample library was seeded: ${seeded}`);
      assert.ok(alive(), 'still running');
    } finally {
      // Stop the app and its WebKit processes, each by pid (remembered with its start time).
      const procs = [child.pid, ...descendants(child.pid)].map((pid) => [pid, procStat(pid)?.start]);
      const live = () => procs.filter(([pid, st]) => st !== undefined && procStat(pid)?.start === st && procStat(pid)?.state !== 'Z');
      for (const [pid] of live()) tryKill(pid, 'SIGTERM');
      const deadline = Date.now() + 3000;
      while (live().length > 0 && Date.now() < deadline) await sleep(50);
      for (const [pid] of live()) tryKill(pid, 'SIGKILL');
    }
  });
});
