// A new draft from last year's report: 新建草稿 beside the 2023 report, year 2024 (the default),
// gives an editable draft with the years moved on and fill-in marks for the figures, listed in
// the library and checked against 2023 at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import { clickByText, saveStatus, texts, tid, waitForEditorText, waitForLibrary } from './ui.mjs';

test('新建草稿 from the 2023 report drafts 2024 with fill-in marks, listed and checked', async () => {
  await withApp('draft', async ({ driver }) => {
    await waitForLibrary(driver);
    const draftsBefore = (await texts(driver, tid('draft-item'))).length;
    const reports = await texts(driver, tid('report-item'));
    const row = reports.findIndex((r) => /示例市/.test(r) && /2023/.test(r));
    assert.ok(row >= 0, `the 2023 report is listed: ${JSON.stringify(reports)}`);
    await driver.click((await driver.findAll(tid('new-draft-button')))[row]);

    const year = await driver.waitFor('form[aria-label="新建草稿"] input[type="number"]');
    assert.equal(String(await driver.property(year, 'value')), '2024', 'the year defaults to the next one');
    await clickByText(driver, 'form[aria-label="新建草稿"] button[type="submit"]', /开始起草/);

    // (The sample 2024 draft, open since the first start, has the same title but no fill-in marks.)
    const text = await waitForEditorText(driver, /【[^】]*→？】/, 30_000);
    assert.match(text, /^示例市人民政府关于2024年度法治政府建设情况的报告/, 'the title year moved on');
    const pane = await driver.text(await driver.find(tid('editor-pane')));
    assert.match(pane, /2024年草稿/, 'the editor shows a 2024 draft, editable');
    assert.equal(await saveStatus(driver), '已保存', 'the new draft is stored with a first version');

    await driver.waitUntil(async () => (await texts(driver, tid('draft-item'))).length === draftsBefore + 1, 'the new draft in the library');
    await driver.waitFor(tid('figure-table'), 30_000);
    const checks = await driver.text(await driver.find(tid('checks-pane')));
    assert.match(checks, /对照 2023 年报告/, 'the draft is checked against 2023');
  });
});
