// Starts the real app for end-to-end tests: tauri-driver (which starts WebKitWebDriver, which
// starts the app binary) on free ports, a temp data folder, one WebDriver session. Whatever
// happens, `close()` ends the session and stops every process it started, by pid.
// Screenshots go to tests/e2e/screenshots/ (gitignored).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebDriver } from './webdriver.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
export const SCREENSHOTS = join(here, 'screenshots');
export const FIXTURES = join(repo, 'tests/fixtures');

const APP = resolve(process.env.NIANBAO_APP ?? join(repo, 'target/debug/nianbao-app'));
const DRIVER = process.env.TAURI_DRIVER ?? join(repo, '.tools/bin/tauri-driver');

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

/** Pids of every live descendant of `pid` (read from /proc), deepest last. */
async function descendants(pid) {
  const parents = new Map();
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(entry), ppid);
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

function kill(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

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
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('tauri-driver did not start listening');
}

/** Start tauri-driver and the app (with `args`); returns {driver, dataDir, close, screenshot}. */
export async function launch(args = []) {
  const dataDir = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const port = await freePort();
  const nativePort = await freePort();
  const log = [];
  const child = spawn(DRIVER, ['--port', String(port), '--native-port', String(nativePort)], {
    env: {
      ...process.env,
      NIANBAO_DATA_DIR: dataDir,
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      WEBKIT_DISABLE_DMABUF_RENDERER: '1',
      NO_AT_BRIDGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  const driver = new WebDriver(url);

  const close = async () => {
    await driver.stop().catch(() => {});
    const pids = child.pid ? await descendants(child.pid) : [];
    for (const pid of pids.reverse()) kill(pid, 'SIGTERM');
    if (child.pid) kill(child.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    for (const pid of pids) kill(pid, 'SIGKILL');
    if (child.exitCode === null && child.pid) kill(child.pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
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
  } catch (e) {
    await close();
    throw new Error(`${e.message}\n--- tauri-driver output ---\n${log.join('')}`);
  }
  return { driver, dataDir, close, screenshot, log };
}

/** Run `body` against a fresh app; screenshot `<name>-failure.png` when it throws. */
export async function withApp(name, body, { args = [] } = {}) {
  const app = await launch(args);
  try {
    await body(app);
  } catch (e) {
    const shot = await app.screenshot(`${name}-failure`).catch(() => null);
    if (shot) e.message += `\n(screenshot: ${shot})`;
    throw e;
  } finally {
    await app.close();
  }
}
