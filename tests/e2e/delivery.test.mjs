// Delivery: the export dialog of a draft shows the days left to 3月1日 (报送版) and 4月1日 (公开版)
// and what blocks each; the 公开版 is refused while a fill-in mark is left, and the marks are
// listed; the 报送版 is written as .docx with the 文号 and 主送机关 typed into the dialog, and
// those fields are kept with the draft (the dialog opened again shows them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { withApp, withTempDir } from './harness.mjs';
import { openDraftFromLibrary, tid, typeLine, waitForEditorText, waitSaved } from './ui.mjs';
import { readZip } from './zip.mjs';

const NUMBER = '示政发〔2025〕9号';
const ADDRESSEE = '示例省人民政府';

test('deadlines, the 公开版 refused with its marks listed, the 报送版 with kept fields', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, '示例市2024年报告.docx');
    await withApp(
      'delivery',
      async ({ driver, screenshot }) => {
        await openDraftFromLibrary(driver, /2024/);
        await waitForEditorText(driver, /2024年度/);
        // In the body (text typed after the 落款 is not part of either version).
        await typeLine(driver, '  全年新增示例事项【待填】项。', { line: 3 });
        await waitSaved(driver);
        await driver.click(await driver.find(tid('export-button')));

        const submit = await driver.waitFor(tid('deadline-submit'), 30_000);
        const submitText = await driver.text(submit);
        assert.match(submitText, /报送版/);
        assert.match(submitText, /3月1日/, submitText);
        assert.match(submitText, /(还有 \d+ 天|今天截止|已过 \d+ 天)/, submitText);
        assert.match(await driver.text(await driver.find(tid('deadline-public'))), /4月1日/);
        assert.match(submitText, /待填标记/, 'the mark typed blocks the 报送版 too');

        // The 公开版 is refused while a mark is left; the marks are listed, nothing is written.
        await driver.click(await driver.find(tid('export-version-public')));
        await driver.click(await driver.find(tid('export-confirm')));
        const marks = await driver.waitFor(tid('export-marks-left'), 30_000);
        assert.match(await driver.text(marks), /【待填】/);
        await screenshot('delivery-public-refused');
        await assert.rejects(stat(out), 'nothing written for a refused 公开版');

        // The 报送版 with the fields typed into the dialog.
        await driver.click(await driver.find(tid('export-version-submit')));
        const number = await driver.waitFor(tid('delivery-docNumber'));
        await driver.clear(number);
        await driver.sendKeys(number, NUMBER);
        const addressee = await driver.find(tid('delivery-addressee'));
        await driver.clear(addressee);
        await driver.sendKeys(addressee, ADDRESSEE);
        await driver.click(await driver.find(tid('export-confirm')));
        const result = await driver.waitFor(tid('export-result'), 30_000);
        assert.ok((await driver.text(result)).includes(out), 'the dialog names the file written');
        await screenshot('delivery-submit');
        const xml = readZip(await readFile(out)).get('word/document.xml').toString('utf8');
        const plain = xml.replace(/<[^>]+>/g, '');
        assert.ok(plain.includes(NUMBER), 'the 文号 is in the 报送版');
        assert.ok(plain.includes(`${ADDRESSEE}：`), 'the 主送机关 is in the 报送版');

        // The fields are kept with the draft: the dialog opened again shows them.
        await driver.click(await driver.find('.dialog .actions button'));
        await driver.click(await driver.waitFor(tid('export-button')));
        await driver.click(await driver.waitFor(tid('export-version-submit')));
        await driver.waitUntil(
          async () => (await driver.property(await driver.find(tid('delivery-docNumber')), 'value')) === NUMBER,
          'the 文号 kept with the draft',
          { timeoutMs: 15_000 },
        );
      },
      { env: { NIANBAO_E2E_SAVE_PATH: out } },
    );
  });
});
