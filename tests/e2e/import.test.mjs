// Opening a report: the app started with a file (as a file manager's "open with" does) shows its
// text in the editor and its outline on the left; clicking a heading puts the editor on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, withApp } from './harness.mjs';

const REPORT = join(FIXTURES, 'sample-library', '示例市2023年法治政府建设年度报告.txt');

test('a report opened at start shows its text and a clickable outline', async () => {
  await withApp(
    'import',
    async ({ driver, screenshot }) => {
      const editor = await driver.waitFor('[data-pane="editor"] .cm-content');
      assert.match(
        await driver.text(editor),
        /示例市人民政府关于2023年度法治政府建设情况的报告/,
        'the editor holds the imported text',
      );
      const library = await driver.find('[data-pane="library"]');
      assert.match(await driver.text(library), /示例市2023年法治政府建设年度报告\.txt/, 'the file is listed');

      const headings = await driver.findAll('[data-pane="library"] li button');
      assert.ok(headings.length > 0, 'the outline lists the report headings');
      const last = headings[headings.length - 1];
      const label = await driver.text(last);
      await driver.click(last);
      await new Promise((r) => setTimeout(r, 300));
      const active = await driver.text(await driver.find('.cm-activeLine'));
      const heading = label.replace(/^\S*?[、）)．.]/, '').slice(0, 6);
      assert.ok(
        active.includes(heading),
        `clicking "${label}" puts the editor on that heading, not on "${active}"`,
      );
      await screenshot('import');
    },
    { args: [REPORT] },
  );
});
