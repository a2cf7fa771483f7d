// Proofreading in the window: a typo typed into the 2024 sample draft is found with its
// replacement; 改正 replaces it in the editor, one Ctrl+Z puts it back; 不是错误 hides another
// finding, and after a restart it is still hidden (kept in the library for that draft) until
// 恢复 brings it back. Screenshot: proof.png (the findings with 改正 / 不是错误).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, sleep, withTempDir } from './harness.mjs';
import {
  clickByText,
  editorText,
  findings,
  openDraftFromLibrary,
  tid,
  typeKeys,
  typeLine,
  waitForEditorText,
  waitForFinding,
  waitSaved,
} from './ui.mjs';

const TO_FIX = '  （十二）认真布署年度行政执法检查工作。';
const TO_DISMISS = '  （十三）统筹按排示例街道普法宣传活动。';

async function openSampleDraft(driver) {
  await openDraftFromLibrary(driver, /2024/);
  return waitForEditorText(driver, /2024年度法治政府建设情况/, 20_000);
}

/** The 不是错误 button of the first finding whose text matches `pattern` (one per finding, in order). */
async function dismissButtonOf(driver, pattern) {
  const all = await findings(driver);
  const index = all.findIndex((f) => pattern.test(f.text));
  assert.ok(index >= 0, `a finding matching ${pattern} is shown`);
  const buttons = await driver.findAll(tid('finding-dismiss'));
  assert.equal(buttons.length, all.length, 'every finding has 不是错误');
  return buttons[index];
}

test('改正 fixes a typo as one undo step; 不是错误 stays dismissed after a restart', async () => {
  await withTempDir(async (dataDir) => {
    await session('proof-1', dataDir, async (app) => {
      const { driver } = app;
      await openSampleDraft(driver);
      await typeLine(driver, TO_FIX);
      await typeLine(driver, TO_DISMISS);
      const typo = await waitForFinding(driver, (f) => f.text.includes('布署'), 'a finding about 布署');
      assert.equal(typo.severity, 'warning', 'a miswritten word is a warning');
      await waitForFinding(driver, (f) => f.text.includes('按排'), 'a finding about 按排');
      // The screenshot shows the findings with 改正 and 不是错误, not the figure table above them.
      await driver.execute(`
        const fix = [...document.querySelectorAll('[data-testid="finding-fix"]')].find((b) => b.textContent.includes('布署'));
        fix.scrollIntoView({ block: 'center' });`);
      await app.screenshot('proof');

      // 改正: the word is replaced in the editor, nothing else changes.
      const before = await editorText(driver);
      await clickByText(driver, tid('finding-fix'), /布署\s*→\s*部署/);
      const fixed = await waitForEditorText(driver, /认真部署年度行政执法检查/);
      assert.equal(fixed, before.replace('认真布署年度', '认真部署年度'), '改正 changes exactly the finding’s words');

      // One Ctrl+Z takes the fix back (real keystrokes into the editor).
      await typeKeys(driver, '\uE009z\uE000');
      const undone = await waitForEditorText(driver, /认真布署年度行政执法检查/);
      assert.equal(undone, before, 'one undo step restores the text before 改正');

      // 不是错误: the finding leaves the list and is listed as dismissed.
      await driver.click(await dismissButtonOf(driver, /按排/));
      await driver.waitUntil(
        async () => !(await findings(driver)).some((f) => f.text.includes('按排')),
        'the dismissed finding gone from the list',
      );
      const dismissed = await driver.find(tid('dismissed'));
      assert.match(await driver.property(dismissed, 'textContent'), /按排 → 安排/);
      await waitSaved(driver);
      // The next check (another edit) does not bring it back.
      await typeLine(driver, '  （十四）另起一段。');
      await waitSaved(driver);
      await sleep(1500);
      assert.ok(
        !(await findings(driver)).some((f) => f.text.includes('按排')),
        'a later check does not show the dismissed finding again',
      );
    });

    await session('proof-2', dataDir, async ({ driver }) => {
      const text = await openSampleDraft(driver);
      assert.ok(text.includes('按排'), 'the dismissed words are still in the text (not an edit)');
      // The 布署 finding shows (it was undone, not dismissed): the check has run.
      await waitForFinding(driver, (f) => f.text.includes('布署'), 'the check after the restart');
      await driver.waitFor(tid('dismissed'));
      assert.ok(
        !(await findings(driver)).some((f) => f.text.includes('按排')),
        'after a restart the dismissed finding is still hidden',
      );
      // 恢复 takes the dismissal back.
      await driver.click(await driver.find(`${tid('dismissed')} summary`));
      await driver.click(await driver.find(tid('dismissed-restore')));
      await waitForFinding(driver, (f) => f.text.includes('按排'), 'the finding back after 恢复');
    });
  });
});
