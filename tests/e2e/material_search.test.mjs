// The library's search finds the departments' materials (issue 16), end to end: a submission
// imported as the sample draft's material is found by a word only it holds, listed under 部门材料
// after the reports' hits (none here); a click opens that draft with the 部门材料 tab on the
// paragraph's part and the paragraph marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withApp, withTempDir } from './harness.mjs';
import { tid, waitForLibrary } from './ui.mjs';

// An invented submission (not taken from any real report); 示例灯塔 is in no report.
const SUBMISSION = [
  '示例市司法局2024年法治政府建设情况',
  '一、法治宣传教育',
  '全年开展示例灯塔普法宣讲活动36场，覆盖群众1.2万人次。',
  '示例市司法局',
  '2025年1月10日',
].join('\n');

test('a material found by the library search opens its draft on the materials pane', async () => {
  await withTempDir(async (dir) => {
    const folder = join(dir, '材料');
    await mkdir(folder);
    await writeFile(join(folder, '示例市司法局.txt'), SUBMISSION);

    await withApp('material-search', async ({ driver, screenshot }) => {
      await waitForLibrary(driver);
      const { drafts } = (await driver.invoke('library_overview')).ok;
      const draftId = drafts[0].id;
      const batch = (await driver.invoke('import_materials', { draftId, paths: [folder] })).ok;
      assert.equal(batch.imported.length, 1, JSON.stringify(batch));

      await driver.sendKeys(await driver.find(tid('search-input')), '示例灯塔');
      const hit = await driver.waitFor(tid('search-material-result'), 20_000);
      const said = await driver.text(hit);
      assert.match(said, /示例市司法局/, `the department: ${said}`);
      assert.match(said, /示例市司法局\.txt/, `the file: ${said}`);
      const count = await driver.text(await driver.find(tid('search-material-count')));
      assert.match(count, /部门材料：1 处/, count);
      await driver.click(hit);

      await driver.waitUntil(async () => {
        const tab = await driver.find(tid('tab-materials'));
        return (await driver.attribute(tab, 'aria-selected')) === 'true';
      }, 'the 部门材料 tab', { timeoutMs: 20_000 });
      const found = await driver.waitFor(`${tid('material-paragraph')}.found`, 20_000);
      assert.match(await driver.text(found), /示例灯塔/, 'the paragraph found is shown and marked');
      await screenshot('material-search');
    });
  });
});
