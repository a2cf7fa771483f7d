// Issue 13: a report whose government and year the reader cannot know (no title naming them, no
// year anywhere, no signature) is listed under 未识别的政府 / 年份未识别 with a 补填 button; the
// drafter fills them in ReportMetaForm, the library lists the report under what was entered, and
// after a restart that is still so and is used (the report is grouped by it, the fill-in button is
// gone, a new draft from it is for the next year, is written with that year's next-year part, and
// is checked against the report as the year entered).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { session, withTempDir } from './harness.mjs';
import { clickByText, texts, tid, waitForEditorText, waitForLibrary } from './ui.mjs';

// Invented text: no government, no year, no date, no signature.
const TXT = [
  '法治政府建设工作情况',
  '',
  '  一、主要举措和成效',
  '  （一）加强组织领导。全年召开专题会议4次，组织集中学法10次。',
  '  （二）严格规范执法。组织执法人员培训620人次，评查行政执法案卷210件。',
  '  二、存在的不足和原因',
  '  一是基层法治力量仍然薄弱。二是执法规范化水平有待提高。',
  '  三、下一步工作安排',
  '  一是加强合法性审查。二是深化行政执法规范化建设。',
].join('\n');

const GOVERNMENT = '示例镇人民政府';
const YEAR = 2023;
const FILE = '工作情况材料.txt';

/** The library as {government, years: [{year, items}]}, read from the rendered list. */
function libraryGroups(driver) {
  return driver.execute(`
    const out = [];
    for (const el of document.querySelectorAll('[data-testid="library-pane"] .list > *')) {
      if (el.tagName === 'H3') out.push({ government: el.textContent.trim(), years: [] });
      else if (el.classList.contains('year') && out.length > 0)
        out[out.length - 1].years.push({
          year: el.querySelector('.year-label')?.textContent.trim() ?? '',
          items: [...el.querySelectorAll('[data-testid="report-item"]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim()),
          drafts: [...el.querySelectorAll('[data-testid="draft-item"]')].map((e) => e.textContent.replace(/\\s+/g, ' ').trim()),
        });
    }
    return out;`);
}

/** The group and year label the imported file is listed under, or null while it is not listed. */
async function placeOf(driver) {
  for (const g of await libraryGroups(driver)) {
    for (const y of g.years) {
      if (y.items.some((t) => t.includes(FILE))) return { government: g.government, year: y.year };
    }
  }
  return null;
}

test('a report with no readable government or year: filled in the form, kept after a restart and used', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, FILE);
    await writeFile(file, TXT);
    const dataDir = join(dir, 'data');

    await session(
      'meta-1',
      dataDir,
      async ({ driver, screenshot }) => {
        await waitForLibrary(driver, 30_000);
        const before = await driver.waitUntil(placeOf.bind(null, driver), 'the imported report in the library', { timeoutMs: 30_000 });
        assert.deepEqual(before, { government: '未识别的政府', year: '年份未识别' }, 'neither government nor year is guessed');

        // Only the imported report asks for its metadata (the sample library's are read).
        const buttons = await texts(driver, tid('fill-meta-button'));
        assert.deepEqual(buttons, ['补填机关年度'], `one fill-in button, for both fields: ${JSON.stringify(buttons)}`);
        await clickByText(driver, tid('fill-meta-button'), /补填/);
        const form = await driver.waitFor(tid('report-meta-form'));
        assert.match(await driver.text(form), /没有读出机关和年度/);

        // An empty form cannot be saved.
        const save = await driver.find(`${tid('report-meta-form')} button[type="submit"]`);
        assert.equal(await driver.property(save, 'disabled'), true, 'save is disabled while the fields are empty');

        const government = await driver.find(`${tid('report-meta-form')} input[aria-label="报告机关"]`);
        const year = await driver.find(`${tid('report-meta-form')} input[aria-label="报告年度"]`);
        await driver.clear(government);
        await driver.sendKeys(government, GOVERNMENT);
        await driver.clear(year);
        await driver.sendKeys(year, String(YEAR));
        await driver.waitUntil(async () => (await driver.property(save, 'disabled')) === false, 'save enabled');
        await screenshot('meta-form');
        await driver.click(save);

        // The list regroups the report under what was entered; the form and the button are gone.
        const after = await driver.waitUntil(
          async () => {
            const p = await placeOf(driver);
            return p && p.government === GOVERNMENT ? p : null;
          },
          'the report listed under the entered government',
          { timeoutMs: 15_000 },
        );
        assert.deepEqual(after, { government: GOVERNMENT, year: `${YEAR}年` });
        assert.deepEqual(await texts(driver, tid('report-meta-form')), [], 'the form closed');
        assert.deepEqual(await texts(driver, tid('fill-meta-button')), [], 'nothing left to fill in');
        await screenshot('meta-saved');
      },
      [file],
    );

    await session('meta-2', dataDir, async ({ driver, screenshot }) => {
      await waitForLibrary(driver, 30_000);
      const place = await driver.waitUntil(placeOf.bind(null, driver), 'the report in the library after a restart', { timeoutMs: 20_000 });
      assert.deepEqual(place, { government: GOVERNMENT, year: `${YEAR}年` }, 'the entered government and year are kept');
      assert.deepEqual(await texts(driver, tid('fill-meta-button')), [], 'no fill-in button after the restart');
      const groups = await libraryGroups(driver);
      assert.ok(
        !groups.some((g) => g.government === '未识别的政府'),
        `no unrecognised group is left: ${JSON.stringify(groups.map((g) => g.government))}`,
      );

      // Used: a new draft from this report proposes the year after the one entered.
      const items = await texts(driver, tid('report-item'));
      const index = items.findIndex((t) => t.includes(FILE));
      const newDraft = await driver.findAll(tid('new-draft-button'));
      assert.ok(index >= 0 && newDraft.length === items.length, 'one 新建草稿 button beside each report');
      await driver.click(newDraft[index]);
      const draftYear = await driver.waitFor('input[aria-label="草稿年度"]');
      assert.equal(String(await driver.property(draftYear, 'value')), String(YEAR + 1), 'the new draft proposes the next year');
      await screenshot('meta-restart');

      // The draft started from it belongs to the entered government, the year after.
      await clickByText(driver, 'form[aria-label="新建草稿"] button[type="submit"]', /开始起草/);
      const drafted = await driver.waitUntil(
        async () => {
          const g = (await libraryGroups(driver)).find((g) => g.government === GOVERNMENT);
          const y = g?.years.find((y) => y.drafts.length > 0);
          return y ? { government: g.government, year: y.year, drafts: y.drafts } : null;
        },
        'the new draft listed under the entered government',
        { timeoutMs: 20_000 },
      );
      assert.equal(drafted.year, `${YEAR + 1}年`, `the draft is for the year after the entered one: ${JSON.stringify(drafted)}`);
      // The draft is written from the entered year: its next-year part is for the year after the
      // draft's, and the checker compares it with the report as that year's.
      const text = await waitForEditorText(driver, new RegExp(`${YEAR + 2}年`), 20_000);
      assert.match(text, new RegExp(`${YEAR + 2}年推进法治政府建设的主要安排`), 'the next-year heading names the year after the draft');
      const against = await driver.waitUntil(
        async () => (await texts(driver, '.against')).find((t) => t.includes(String(YEAR))) ?? null,
        'the checker naming the report as last year',
        { timeoutMs: 20_000 },
      );
      console.log(`draft listed: ${JSON.stringify(drafted)}; check pane: ${against}`);
      await screenshot('meta-drafted');
    });
  });
});
