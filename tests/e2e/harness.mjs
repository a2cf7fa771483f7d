// Starts the real app for end-to-end tests: tauri-driver (which starts WebKitWebDriver, which
// starts the app binary) on free ports, a temp data folder, one WebDriver session. Whatever
// happens — a failed assertion, a killed app, the test runner itself ending — every process a
// launch started is stopped by pid (each pid is remembered with its start time, so a reused pid
// is never hit). Screenshots go to tests/e2e/screenshots/ (gitignored).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, unlinkSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebDriver } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
export const SCREENSHOTS = join(here, 'screenshots');
export const FIXTURES = join(REPO, 'tests/fixtures');

export const APP = resolve(process.env.NIANBAO_APP ?? join(REPO, 'target/debug/nianbao-app'));
const DRIVER = resolve(process.env.TAURI_DRIVER ?? join(REPO, '.tools/bin/tauri-driver'));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const REPAINT = `
  const dot = document.createElement('div');
  Object.assign(dot.style, { position: 'fixed', left: '0', bottom: '0', width: '1px', height: '1px', opacity: '0.01' });
  document.body.appendChild(dot);
  let n = 0;
  const tick = () => { dot.style.opacity = n % 2 ? '0.01' : '0.02'; if (++n < 60) requestAnimationFrame(tick); else dot.remove(); };
  requestAnimationFrame(tick);
`;

function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

// ---- processes, read from /proc (synchronously, so the exit handler can use it too) ----------

/** {ppid, start, comm} of a live pid, or null. `start` is field 22 (clock ticks since boot). */
export function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const rest = stat.slice(close + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), state: rest[0], ppid: Number(rest[1]), start: Number(rest[19]) };
  } catch {
    return null;
  }
}

/** Every live descendant of `pid`, parents before children. */
export function descendants(pid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const st = procStat(entry);
    if (st) parents.set(Number(entry), st.ppid);
  }
  const out = [];
  const walk = (p) => {
    for (const [child, parent] of parents) {
      if (parent === p) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

/** The executable of a process; a binary replaced on disk since it started still counts. */
function exeOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/exe`).replace(/ \(deleted\)$/, '');
  } catch {
    return '';
  }
}

function signal(pid, sig) {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false; // already gone
  }
}

/** Pids seen under live launches, with their start times: [pid, start]. */
const launched = new Set();

/** Send `sig` to each remembered process that is still the same process (same start time). */
function signalAll(procs, sig) {
  for (const [pid, start] of procs) {
    const st = procStat(pid);
    if (st && st.start === start && st.state !== 'Z') signal(pid, sig);
  }
}

/** Temporary folders made here and not removed yet (a test that timed out never reaches its finally). */
const tempDirs = new Set();

/**
 * Last resort when the test process ends — normally, by a signal, or forced by `node --test
 * --test-force-exit` while a timed-out test still waits: kill what is still running, remove the
 * temporary folders. Synchronous, since nothing else runs inside an 'exit' handler.
 */
function killEverything() {
  for (const launch of launched) signalAll(launch.procs, 'SIGKILL');
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: a process killed a moment ago may still hold a file
    }
  }
}
process.on('exit', killEverything);
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    killEverything();
    process.exit(code);
  });
}

async function makeTempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  tempDirs.add(dir);
  return dir;
}

async function removeTempDir(dir) {
  await rm(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Remove `<name>-failure.png` left by an earlier run, so the folder shows only this run's failures. */
export function forgetFailure(name) {
  try {
    unlinkSync(join(SCREENSHOTS, `${name}-failure.png`));
  } catch {
    // none
  }
}

let appExe = null;
function appRealPath() {
  if (appExe === null) {
    try {
      appExe = realpathSync(APP);
    } catch {
      appExe = APP;
    }
  }
  return appExe;
}

const x11Helpers = new Map();
/**
 * A small X11 helper of this folder (x11-close.c, x11-drop.c), compiled once per test process
 * into a temporary file. Call it before a timed step so that the compile is not inside it.
 */
export function x11Helper(name) {
  if (!x11Helpers.has(name)) {
    const out = join(tmpdir(), `nianbao-e2e-${name}-${process.pid}`);
    execFileSync('cc', ['-O2', '-o', out, join(here, `${name}.c`), '-lX11'], { stdio: 'pipe' });
    process.on('exit', () => {
      try {
        unlinkSync(out);
      } catch {
        // already gone
      }
    });
    x11Helpers.set(name, out);
  }
  return x11Helpers.get(name);
}

/** The x11-close helper (see x11Helper). */
export const x11Close = () => x11Helper('x11-close');

async function waitForDriver(url, child, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not start listening');
}

/**
 * Start tauri-driver and the app. Options: `args` for the app's command line, `dataDir` to reuse
 * a data folder (it is then kept; by default a fresh temporary one is made and removed), `env`
 * added to the app's environment.
 */
export async function launch({ args = [], dataDir = null, env = {} } = {}) {
  const ownDir = dataDir === null;
  const dir = ownDir ? await makeTempDir() : dataDir;
  const port = await freePort();
  const nativePort = await freePort();
  const log = [];
  const spawnedAt = Date.now();
  const child = spawn(DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    env: {
      ...process.env,
      NIANBAO_DATA_DIR: dir,
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      NO_AT_BRIDGE: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  // The driver never keeps the test process alive by itself: a test that ends (or times out)
  // without closing lets the process exit, and the exit handler then kills what it started.
  child.unref();
  child.stdout.unref?.();
  child.stderr.unref?.();
  const record = { procs: new Map() };
  launched.add(record);
  const remember = () => {
    if (!child.pid) return;
    for (const pid of [child.pid, ...descendants(child.pid)]) {
      const st = procStat(pid);
      if (st && !record.procs.has(pid)) record.procs.set(pid, st.start);
    }
  };
  remember();
  const url = `http://127.0.0.1:${port}`;
  const driver = new WebDriver(url);

  /** The app's own process (the binary under test), or null when it is not running. */
  const appPid = () => {
    if (!child.pid) return null;
    remember();
    const exe = appRealPath();
    for (const pid of descendants(child.pid)) {
      if (exeOf(pid) === exe) return pid;
    }
    return null;
  };

  /** The app and every process under it (WebKit's web and network processes). */
  const appProcesses = () => {
    const pid = appPid();
    if (pid === null) return [];
    return [pid, ...descendants(pid)].map((p) => ({ pid: p, comm: procStat(p)?.comm ?? '?' }));
  };

  /** Resident memory of the app's processes: VmRSS (double-counts shared pages) and PSS, in kB. */
  const memory = () => {
    const rows = [];
    for (const { pid, comm } of appProcesses()) {
      let rss = 0;
      let pss = 0;
      try {
        rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone
      }
      try {
        pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
      } catch {
        // gone or not readable
      }
      rows.push({ pid, comm, rssKb: rss, pssKb: pss });
    }
    return {
      rows,
      rssKb: rows.reduce((s, r) => s + r.rssKb, 0),
      pssKb: rows.reduce((s, r) => s + r.pssKb, 0),
    };
  };

  /** Milliseconds from the app process's start to now (10 ms resolution, from /proc). */
  const appAgeMs = () => {
    const pid = appPid();
    const st = pid === null ? null : procStat(pid);
    if (!st) return null;
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Math.round((uptime - st.start / 100) * 1000); // CLK_TCK is 100 on Linux
  };

  /**
   * kill -9 the app (not its driver), at the wall-clock time `at` (ms since the epoch) when given:
   * the walk of /proc comes first, so the signal leaves within a millisecond of `at`. Resolves
   * once the process is gone, with the time the signal was sent.
   */
  const killApp = async (pid = appPid(), { at = null } = {}) => {
    if (pid === null) throw new Error('the app is not running');
    remember();
    if (at !== null) {
      const wait = at - Date.now() - 15;
      if (wait > 0) await sleep(wait);
      while (Date.now() < at) {
        // the last few milliseconds spent here: a timer can fire late by as much
      }
    }
    const firedAt = Date.now();
    signal(pid, 'SIGKILL');
    driver.forget();
    await waitGone(pid);
    return { pid, firedAt };
  };

  /** Resolve when the app process has ended by itself (e.g. its window was closed). */
  const waitAppExit = async (timeoutMs = 15_000) => {
    const pid = appPid();
    if (pid === null) return;
    await waitGone(pid, timeoutMs);
    driver.forget();
  };

  const waitGone = async (pid, timeoutMs = 10_000) => {
    const start = procStat(pid)?.start;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const st = procStat(pid);
      if (!st || st.start !== start || st.state === 'Z') return;
      if (Date.now() > deadline) throw new Error(`process ${pid} did not end within ${timeoutMs} ms`);
      await sleep(50);
    }
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    remember();
    if (appPid() !== null) await driver.stop().catch(() => {});
    driver.forget();
    remember();
    signalAll([...record.procs].reverse(), 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && [...record.procs].some(([p, s]) => procStat(p)?.start === s && procStat(p)?.state !== 'Z')) {
      await sleep(50);
    }
    signalAll(record.procs, 'SIGKILL');
    launched.delete(record);
    if (ownDir) await removeTempDir(dir);
  };

  const screenshot = async (name) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    // WebKitWebDriver waits for the next painted frame, which a still page under Xvfb never
    // produces: flicker a 1-px dot for a moment so there is one.
    await driver.execute(REPAINT).catch(() => {});
    const file = join(SCREENSHOTS, `${name}.png`);
    await writeFile(file, await driver.screenshot());
    return file;
  };

  try {
    await waitForDriver(url, child);
    await driver.start(APP, args);
    remember();
    // A binary built without `--features custom-protocol` (a plain `cargo build`/`cargo test` in
    // the shared target dir replaces the one `make app` made) loads the dev server: say so.
    const page = await driver.request('GET', driver.session('/url')).catch(() => '');
    if (/^https?:\/\/localhost:1420/.test(page)) {
      throw new Error(`${APP} loads the dev server (${page}): it was built without the embedded UI; run 'make app' again`);
    }
  } catch (e) {
    await close();
    throw new Error(`${e.message}\n--- tauri-driver output ---\n${log.join('')}`);
  }
  /** Close the app's window as a user clicking × does (WM_DELETE_WINDOW); the app may flush first. */
  const closeWindow = () => {
    const pid = appPid();
    if (pid === null) throw new Error('the app is not running');
    execFileSync(x11Close(), [String(pid)], { stdio: 'pipe' });
  };

  /**
   * Drop files on the window as a file manager does (XDND with a text/uri-list, see x11-drop.c);
   * resolves once the window said it finished with the drop.
   */
  const dropFiles = (paths) => {
    const pid = appPid();
    if (pid === null) throw new Error('the app is not running');
    try {
      execFileSync(x11Helper('x11-drop'), [String(pid), ...paths], { stdio: 'pipe', timeout: 20_000 });
    } catch (e) {
      throw new Error(`x11-drop failed (exit ${e.status}): ${String(e.stderr ?? e.message).trim()}`);
    }
  };

  return {
    driver, dataDir: dir, spawnedAt, close, screenshot, log,
    appPid, appProcesses, memory, appAgeMs, killApp, waitAppExit, closeWindow, dropFiles,
  };
}

/**
 * Run `body` against a freshly started app; screenshot `<name>-failure.png` and attach the
 * driver's log when it throws; always stop every process.
 */
export async function withApp(name, body, options = {}) {
  forgetFailure(name);
  const app = await launch(options);
  try {
    return await body(app);
  } catch (e) {
    const shot = app.appPid() !== null ? await app.screenshot(`${name}-failure`).catch(() => null) : null;
    if (shot) e.message += `\n(screenshot: ${shot})`;
    const tail = app.log.join('').split('\n').slice(-40).join('\n');
    if (tail.trim()) e.message += `\n--- tauri-driver/app output (last lines) ---\n${tail}`;
    throw e;
  } finally {
    await app.close();
  }
}

/**
 * One start of the app on the library in `dataDir` (what a drafter's restart sees): `withApp`
 * with that folder and the app's arguments; answers what `body` answers.
 */
export function session(name, dataDir, body, args = []) {
  return withApp(name, body, { dataDir, args });
}

/** A temporary folder removed after `body`, whatever happens. */
export async function withTempDir(body) {
  const dir = await makeTempDir();
  try {
    return await body(dir);
  } finally {
    await removeTempDir(dir);
  }
}
