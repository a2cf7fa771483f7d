// The departments' materials, end to end: a folder of invented submissions (a .docx of 示例市司法局,
// a .txt of 示例镇, a statistics table, one broken file) dropped on the window while the 部门材料
// tab is open is imported with its progress, the broken file named; with the cursor in 化解矛盾纠纷
// the pane lists that part's material, 插入 puts it into the draft; a fill-in mark is filled from
// the statistics table after the drafter accepts it; both are named versions (the trail).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withApp, withTempDir } from './harness.mjs';
import { cursorToLineEnd, editorText, openDraftFromLibrary, tid, texts, waitForEditorText, waitSaved } from './ui.mjs';
import { makeDocx } from './zip.mjs';

// Invented submissions (not taken from any real report).
const JUSTICE = [
  '示例市司法局关于2024年度法治政府建设工作情况的报告',
  '一、化解矛盾纠纷',
  '示例市司法局深化人民调解工作，全年排查化解矛盾纠纷1260件，组建专业调解组织7个。',
  '二、法治宣传教育',
  '组织“八五”普法宣讲活动96场，覆盖群众1.8万人次。',
  '示例市司法局',
  '2025年1月10日',
];

const TOWN = [
  '示例镇人民政府2024年法治政府建设情况',
  '一、严格规范公正文明执法',
  '示例镇综合行政执法队开展执法检查58次，办理行政处罚案件21件。',
  '',
  '示例镇人民政府',
  '2025年1月8日',
].join('\n');

// The statistics table: the 2024 count of applications for administrative review.
const STATISTICS = ['指标,2023年,2024年', '收到行政复议申请（件）,330,357'].join('\n');

const INSERTED = '全年排查化解矛盾纠纷1260件';
const MARK = '【330件→？】';

test('materials dropped as a folder are imported; one is inserted, a mark is filled; both are versions', async () => {
  await withTempDir(async (dir) => {
    const folder = join(dir, '2024年部门材料');
    await mkdir(folder);
    await writeFile(join(folder, '示例市司法局2024年法治政府建设情况.docx'), makeDocx(JUSTICE));
    await writeFile(join(folder, '示例镇2024年法治政府建设情况.txt'), TOWN);
    await writeFile(join(folder, '示例市司法局统计表.csv'), STATISTICS);
    await writeFile(join(folder, '损坏的材料.docx'), Buffer.from('PK\u0003\u0004 not really a zip'));

    await withApp('materials', async ({ driver, dropFiles, screenshot }) => {
      await openDraftFromLibrary(driver, /2024/);
      await waitForEditorText(driver, /2024年度法治政府建设情况/, 20_000);
      await waitSaved(driver);
      const { drafts } = (await driver.invoke('library_overview')).ok;
      const draftId = drafts[0].id;

      // A fill-in mark where the draft gives this year's count of applications received.
      const before = await editorText(driver);
      assert.ok(before.includes('收到行政复议申请352件'), 'the sample draft states the applications received');
      await driver.execute(
        `const content = document.querySelector('[data-testid="editor"] .cm-content');
         const view = content.cmTile?.root?.view ?? content.cmView?.rootView?.view ?? content.cmView?.view;
         const text = view.state.doc.toString();
         const at = text.indexOf('收到行政复议申请352件') + '收到行政复议申请'.length;
         view.dispatch({ changes: { from: at, to: at + '352件'.length, insert: arguments[0] } });`,
        [MARK],
      );
      await waitSaved(driver);

      await driver.click(await driver.find(tid('tab-materials')));
      await driver.waitFor(tid('materials-pane'));
      dropFiles([folder]);
      const batch = await driver.waitFor(tid('materials-batch'), 60_000);
      const said = await driver.text(batch);
      assert.match(said, /导入 3 份/, `three files imported: ${said}`);
      assert.match(said, /1 份未能读取/, `the broken file is counted: ${said}`);
      const errors = await texts(driver, `${tid('materials-errors')} li`);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /损坏的材料\.docx/, 'the broken file is named with its reason');

      const overview = (await driver.invoke('materials_overview', { draftId, text: null })).ok;
      const departments = overview.materials.map((m) => m.department).sort();
      assert.ok(departments.includes('示例市司法局') && departments.includes('示例镇人民政府'), `departments read: ${departments}`);

      // The cursor in 化解矛盾纠纷: its material is listed; 插入 puts it after the cursor line.
      const lines = (await editorText(driver)).split('\n');
      const at = lines.findIndex((l) => /收到行政复议申请/.test(l)) + 1;
      await cursorToLineEnd(driver, at);
      const paragraphs = await driver.waitUntil(async () => {
        const all = await texts(driver, tid('material-paragraph'));
        return all.some((t) => t.includes(INSERTED)) ? all : null;
      }, 'the 化解矛盾纠纷 material in the pane', 20_000);
      const index = paragraphs.findIndex((t) => t.includes(INSERTED));
      const buttons = await driver.findAll(tid('material-insert'));
      await driver.click(buttons[index]);
      const inserted = await driver.waitUntil(async () => {
        const t = await editorText(driver);
        return t.includes(INSERTED) ? t : null;
      }, 'the material paragraph in the editor');
      assert.equal(inserted.split('\n')[at - 1], lines[at - 1], 'the cursor line is kept whole');
      assert.ok(inserted.split('\n')[at].includes(INSERTED), 'the material is on the line after the cursor');

      // 从统计表填入: the mark's value is proposed with its source; accepted, it replaces the mark.
      await driver.click(await driver.find('[data-testid="materials-pane"] details:last-of-type summary'));
      await driver.click(await driver.find(tid('fill-proposals')));
      const item = await driver.waitFor(tid('fill-item'), 20_000);
      const offered = await driver.text(item);
      assert.match(offered, /357件/, `the statistics value is offered: ${offered}`);
      assert.match(offered, /示例市司法局统计表\.csv/, `with its source file: ${offered}`);
      const accepts = await driver.findAll(`${tid('fill-item')} ${tid('fill-accept')}`);
      assert.equal(accepts.length, 1, `only this year's value is offered, not the 2023 column's 330件: ${offered}`);
      await driver.click(accepts[0]);
      const filled = await driver.waitUntil(async () => {
        const t = await editorText(driver);
        return t.includes('收到行政复议申请357件') ? t : null;
      }, 'the mark filled in the editor');
      assert.ok(!filled.includes(MARK), 'the mark is gone');
      await waitSaved(driver);
      await screenshot('materials');

      // The trail: both changes are named versions of the draft.
      const versions = (await driver.invoke('list_versions', { draftId })).ok;
      const names = versions.map((v) => v.name ?? '');
      assert.ok(names.some((n) => n.includes('插入材料')), `the insertion is a named version: ${names}`);
      assert.ok(names.some((n) => n.includes('从统计表填入')), `the fill is a named version: ${names}`);
      const newest = (await driver.invoke('get_version', { versionId: versions[0].id })).ok;
      assert.equal(newest, filled, 'the newest version holds both');
    });
  });
});
