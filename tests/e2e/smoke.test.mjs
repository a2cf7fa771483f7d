// The window opens, is titled 年报助手, and shows the three panes with their empty states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';

test('the main window opens with the three panes', async () => {
  await withApp('smoke', async ({ driver, dataDir, screenshot }) => {
    assert.equal(await driver.title(), '年报助手', 'the window is titled with the product name');

    const library = await driver.waitFor('[data-pane="library"]');
    const editor = await driver.find('[data-pane="editor"]');
    const checks = await driver.find('[data-pane="checks"]');
    assert.match(await driver.text(library), /资料库/, 'left pane: the library');
    assert.match(await driver.text(editor), /编辑区/, 'middle pane: the editor');
    assert.match(await driver.text(checks), /核对/, 'right pane: the checks');
    assert.match(
      await driver.text(library),
      /拖到窗口上/,
      'the empty library tells a new user how to bring in a report',
    );

    const info = await driver.executeAsync(
      'const done = arguments[arguments.length - 1];' +
        "window.__TAURI_INTERNALS__.invoke('app_info').then(done, (e) => done({ error: e }));",
    );
    assert.equal(info.data_dir, dataDir, 'NIANBAO_DATA_DIR keeps e2e runs out of the real data folder');

    await new Promise((r) => setTimeout(r, 300));
    await screenshot('smoke');
  });
});
