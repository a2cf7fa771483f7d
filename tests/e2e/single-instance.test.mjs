// One window per library (issue 19): a second start of the app on the same data folder does not
// open a second window that would autosave over the first — it hands the file it was asked to
// open to the running window and exits. Runs on a private D-Bus session bus (the plugin's
// channel on Linux), started and stopped here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP, withApp } from './harness.mjs';
import { tid } from './ui.mjs';

/** A private session bus: its address, and a stop. */
function sessionBus() {
  return new Promise((resolve, reject) => {
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
    bus.on('error', reject);
    let out = '';
    bus.stdout.on('data', (d) => {
      out += String(d);
      const line = out.split('\n')[0];
      if (out.includes('\n') && line.startsWith('unix:')) resolve({ address: line.trim(), stop: () => bus.kill() });
    });
  });
}

/** Run the app binary once more; resolves to its exit code (null if it had to be killed). */
function secondStart(env, args, timeoutMs = 30_000) {
  return new Promise((resolve) => {
    const child = spawn(APP, args, { env, stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('a second start on the same library hands its file to the first window and exits', async () => {
  const bus = await sessionBus();
  try {
    const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
    await withApp('single-instance', async ({ driver, dataDir }) => {
      await driver.waitFor(tid('open-backups'), 20_000);
      // The first window owns the library's name on the bus once the app has set up.
      const report = join(dataDir, '示例镇2023.txt');
      writeFileSync(report, '示例镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n示例镇全年受理行政复议申请3件。\n');
      const before = (await driver.invoke('library_overview')).ok;
      assert.ok(before, 'the first window answers');
      const code = await secondStart(
        {
          ...process.env,
          NIANBAO_DATA_DIR: dataDir,
          WEBKIT_DISABLE_COMPOSITING_MODE: '1',
          NO_AT_BRIDGE: '1',
          ...env,
        },
        [report],
      );
      assert.equal(code, 0, 'the second start exits at once (no second window)');
      // The first window opened the file it was handed: the report is shown.
      await driver.waitUntil(async () => {
        const shown = await driver.execute('return document.body.innerText;');
        return /示例镇全年受理行政复议申请3件/.test(shown) ? true : null;
      }, 'the handed file opened in the first window', { timeoutMs: 20_000 });
      const after = (await driver.invoke('library_overview')).ok;
      assert.equal(after.reports.length, before.reports.length + 1, 'imported once, into the one library');
    }, { env });
  } finally {
    bus.stop();
  }
});
