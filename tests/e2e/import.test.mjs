// Import: files named on the command line (what a file manager's "open with" does; the import
// button's native file dialog cannot be driven by WebDriver) go into the library, a .txt and a
// .docx alike; the first opens read-only in the editor with its outline, and a click on a heading
// of the outline puts the editor on that line. Broken files (generated here too) each get a
// Chinese error naming them, and do not stop the others. Files dropped on the window (XDND from
// x11-drop.c, as a file manager drops them) are imported too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withApp, withTempDir } from './harness.mjs';
import { clickByText, editorText, selection, texts, tid, waitForEditorText, waitForLibrary } from './ui.mjs';
import { makeDocx, writeZip } from './zip.mjs';

// An invented county, in the usual shape of the report (not taken from any real report).
const TXT = [
  '示例县人民政府关于2022年度法治政府建设情况的报告',
  '',
  '示例市人民政府：',
  '  2022年，示例县人民政府坚持依法行政，法治政府建设取得新成效。现将有关情况报告如下：',
  '  一、2022年推进法治政府建设的主要举措和成效',
  '  （一）加强组织领导。县政府常务会议专题研究法治政府建设工作4次，组织会前学法10次。',
  '  （二）严格规范执法。组织执法人员培训620人次，评查行政执法案卷210件。',
  '  二、2022年推进法治政府建设存在的不足和原因',
  '  一是基层法治力量仍然薄弱。二是执法规范化水平有待提高。',
  '  三、2023年推进法治政府建设的主要安排',
  '  一是加强合法性审查。二是深化行政执法规范化建设。',
  '',
  '示例县人民政府',
  '2023年1月18日',
].join('\n');

const DOCX = [
  '示例区人民政府关于2023年度法治政府建设情况的报告',
  '示例市人民政府：',
  '2023年，示例区人民政府认真贯彻落实法治政府建设各项部署，现将有关情况报告如下：',
  '一、2023年推进法治政府建设的主要举措和成效',
  '（一）推进依法决策。公布重大行政决策事项目录，5项重大行政决策全部履行法定程序。',
  '（二）化解矛盾纠纷。全区人民调解组织受理矛盾纠纷1280件，调解成功1262件。',
  '二、2023年推进法治政府建设存在的不足和原因',
  '一是法治宣传的针对性不强。',
  '三、2024年推进法治政府建设的主要安排',
  '一是持续推进严格规范公正文明执法。',
  '示例区人民政府',
  '2024年1月22日',
];

test('a .txt and a .docx named at start are imported; the .txt opens with a clickable outline', async () => {
  await withTempDir(async (dir) => {
    const txt = join(dir, '示例县2022年法治政府建设年度报告.txt');
    const docx = join(dir, '示例区2023年法治政府建设年度报告.docx');
    await writeFile(txt, TXT);
    await writeFile(docx, makeDocx(DOCX));

    await withApp(
      'import',
      async ({ driver, screenshot }) => {
        // The first file opens read-only in the editor.
        await waitForEditorText(driver, /示例县人民政府关于2022年度法治政府建设情况的报告/, 30_000);
        const badge = await driver.text(await driver.find(tid('editor-pane')));
        assert.match(badge, /只读/, 'an imported report opens read-only');

        // Both files are in the library, beside the sample library.
        const reports = await driver.waitUntil(async () => {
          const r = await texts(driver, tid('report-item'));
          return r.some((t) => /示例县/.test(t)) && r.some((t) => /示例区/.test(t)) ? r : null;
        }, 'both imported reports in the library', { timeoutMs: 20_000 });
        assert.ok(reports.some((t) => /\.txt/.test(t)), `the .txt is listed by file name: ${JSON.stringify(reports)}`);
        assert.ok(reports.some((t) => /\.docx/.test(t)), `the .docx is listed by file name: ${JSON.stringify(reports)}`);
        assert.ok(reports.some((t) => /示例市/.test(t)), 'the sample library is still there');

        // The outline lists the headings; clicking the next-year part's heading puts the cursor on its line.
        const outline = await driver.waitForAll(tid('outline-item'), 3);
        const labels = await texts(driver, tid('outline-item'));
        const index = labels.findIndex((l) => /主要安排/.test(l));
        assert.ok(index > 0, `the outline lists the next-year part: ${JSON.stringify(labels)}`);
        await driver.click(outline[index]);
        const sel = await driver.waitUntil(async () => {
          const s = await selection(driver);
          return s.fromLine > 1 ? s : null;
        }, 'the cursor to move to the clicked heading');
        assert.match(sel.lineText, /2023年推进法治政府建设的主要安排/, `clicking "${labels[index]}" puts the cursor on that heading`);
        assert.equal(sel.from, sel.lineFrom, 'at the start of the line');
        await screenshot('import');

        // The .docx opens with the text of its paragraphs.
        await clickByText(driver, tid('report-item'), /示例区/);
        const text = await waitForEditorText(driver, /示例区人民政府关于2023年度法治政府建设情况的报告/);
        assert.match(text, /调解成功1262件/, 'the body of the .docx is imported');
        assert.doesNotMatch(text, /<w:|xml/, 'no XML leaks into the text');
        assert.ok((await editorText(driver)).split('\n').length >= DOCX.length - 1, 'one line per paragraph');
      },
      { args: [txt, docx] },
    );
  });
});

test('broken files named at start each get a Chinese error naming the file; the good one is still imported', async () => {
  await withTempDir(async (dir) => {
    const whole = makeDocx(DOCX);
    const files = {
      cut: join(dir, '示例区截断.docx'), // a .docx cut in the middle of its zip
      notDocx: join(dir, '示例区空壳.docx'), // a valid zip without word/document.xml
      binary: join(dir, '示例县乱码.txt'), // binary bytes under a .txt name
      good: join(dir, '示例县2022年法治政府建设年度报告.txt'),
    };
    await writeFile(files.cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await writeFile(files.notDocx, writeZip({ 'readme.txt': '示例' }));
    await writeFile(files.binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await writeFile(files.good, TXT);

    await withApp(
      'import-errors',
      async ({ driver, screenshot }) => {
        // The good file is imported and opened even though three before it failed.
        await waitForEditorText(driver, /示例县人民政府关于2022年度法治政府建设情况的报告/, 30_000);
        await driver.waitFor(tid('error-banner'), 20_000);
        const items = await driver.execute(
          `return [...document.querySelectorAll('[data-testid="error-banner"] li')].map((li) => ({ code: li.getAttribute('data-code'), text: li.textContent.trim() }));`,
        );
        for (const name of ['示例区截断.docx', '示例区空壳.docx', '示例县乱码.txt']) {
          const item = items.find((i) => i.text.includes(name));
          assert.ok(item, `the banner names ${name}: ${JSON.stringify(items)}`);
          assert.match(item.code ?? '', /^import\./, `${name} fails with an import.* code: ${JSON.stringify(item)}`);
          assert.match(item.text, /[\u4e00-\u9fff].*[\u4e00-\u9fff]/, `the reason is in Chinese: ${item.text}`);
        }
        assert.equal(items.length, 3, `one line per broken file, none for the good one: ${JSON.stringify(items)}`);
        const reports = await texts(driver, tid('report-item'));
        assert.ok(reports.some((r) => /示例县/.test(r)), `the good file is in the library: ${JSON.stringify(reports)}`);
        assert.ok(!reports.some((r) => /截断|空壳|乱码/.test(r)), `no broken file is in the library: ${JSON.stringify(reports)}`);
        await screenshot('import-errors');
      },
      { args: [files.cut, files.notDocx, files.binary, files.good] },
    );
  });
});

test('a .txt and a .docx dropped on the window are imported into the library', async () => {
  await withTempDir(async (dir) => {
    const txt = join(dir, '示例县 2022年 报告.txt'); // a space and CJK: percent-encoded in the URI
    const docx = join(dir, '示例区2023年报告.docx');
    await writeFile(txt, TXT);
    await writeFile(docx, makeDocx(DOCX));
    await withApp('drop', async ({ driver, dropFiles }) => {
      await waitForLibrary(driver);
      const before = await texts(driver, tid('report-item'));
      assert.ok(!before.some((r) => /示例县|示例区/.test(r)), 'neither file is in the library before the drop');
      dropFiles([txt, docx]);
      const reports = await driver.waitUntil(async () => {
        const r = await texts(driver, tid('report-item'));
        return r.some((t) => /示例县/.test(t)) && r.some((t) => /示例区/.test(t)) ? r : null;
      }, 'both dropped reports in the library', { timeoutMs: 20_000 });
      assert.equal(reports.length, before.length + 2, `two reports more: ${JSON.stringify(reports)}`);
      assert.deepEqual(await texts(driver, tid('error-banner')), [], 'no error');
    });
  });
});
