// Export: the draft as typed goes to a .docx (NIANBAO_E2E_SAVE_PATH stands in for the native save
// dialog, which WebDriver cannot drive); the file exists with the usual permissions, is a zip
// with word/document.xml, and holds the text typed just before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withApp, withTempDir } from './harness.mjs';
import { openDraftFromLibrary, tid, typeLine, waitForEditorText, waitSaved } from './ui.mjs';
import { readZip } from './zip.mjs';

const MARK = '  另外，全年新增示例导出核验事项17项。';

test('export writes a .docx (a zip with word/document.xml) holding the typed text', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, '示例市2024年报告.docx');
    await withApp(
      'export',
      async ({ driver, screenshot }) => {
        await openDraftFromLibrary(driver, /2024/);
        await waitForEditorText(driver, /2024年度/);
        await typeLine(driver, MARK);
        await driver.click(await driver.find(tid('export-button')));
        await driver.click(await driver.waitFor(tid('export-confirm')));
        const result = await driver.waitFor(tid('export-result'), 30_000);
        assert.ok((await driver.text(result)).includes(out), 'the dialog names the file written');
        await waitSaved(driver); // (the screenshot then shows the settled window, not 正在保存…)
        await screenshot('export');

        const info = await stat(out);
        assert.ok(info.size > 1000, `the .docx is not empty (${info.size} bytes)`);
        const umask = process.umask(); // the app inherits it through tauri-driver and WebKitWebDriver
        assert.equal(
          (info.mode & 0o777).toString(8),
          (0o666 & ~umask).toString(8),
          'the export is created like any saved document (0666 less the umask), not owner-only like a temporary file',
        );
        const left = (await readdir(dir)).filter((f) => f !== basename(out));
        assert.deepEqual(left, [], 'no temporary file is left beside the export');
        const zip = readZip(await readFile(out));
        assert.ok(zip.has('word/document.xml'), `word/document.xml in ${[...zip.keys()].join(', ')}`);
        assert.ok(zip.has('[Content_Types].xml'), 'a Word package has [Content_Types].xml');
        const xml = zip.get('word/document.xml').toString('utf8');
        const plain = xml.replace(/<[^>]+>/g, '');
        assert.match(plain, /示例市人民政府关于2024年度法治政府建设情况的报告/, 'the title is in the document');
        assert.match(plain, /全年新增示例导出核验事项17项/, 'the text typed before the export is in the document');
      },
      { env: { NIANBAO_E2E_SAVE_PATH: out } },
    );
  });
});
