// Two tools of the editor, end to end: a standard part chosen in the template picker lands on its
// own lines at the cursor and is autosaved; an earlier version restored from 历史版本 comes back
// into the editor, and the text it replaced stays among the versions (nothing is lost).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import { cursorToLineEnd, editorText, openDraftFromLibrary, tid, typeLine, waitForEditorText, waitSaved } from './ui.mjs';

async function openSampleDraft(driver) {
  await openDraftFromLibrary(driver, /2024/);
  const text = await waitForEditorText(driver, /2024年度法治政府建设情况/, 20_000);
  await waitSaved(driver);
  return text;
}

test('a part chosen in the template picker is inserted after the cursor line and saved', async () => {
  await withApp('template', async ({ driver }) => {
    const before = await openSampleDraft(driver);
    const lines = before.split('\n');
    const at = lines.findIndex((l) => /其他需要报告的情况/.test(l)) + 1;
    assert.ok(at > 0, 'the sample draft has a 其他需要报告的情况 part');
    await cursorToLineEnd(driver, at);

    const list = await driver.invoke('list_templates');
    assert.ok(list.ok?.length === 13, `13 standard parts: ${JSON.stringify(list)}`);
    const part = list.ok.find((t) => t.kind === 'publicity') ?? list.ok[0];
    const rendered = await driver.invoke('render_template', { kind: part.kind, year: 2024 });
    assert.ok(typeof rendered.ok === 'string' && rendered.ok.trim().length > 0, `the part renders: ${JSON.stringify(rendered)}`);

    // WebDriver's click on an <option> selects it as a user's choice does (no native popup).
    const picker = await driver.waitFor(tid('template-picker'));
    await driver.waitUntil(async () => !(await driver.property(picker, 'disabled')), 'the picker to be enabled');
    const options = await driver.findAll(`${tid('template-picker')} option`);
    const labels = await Promise.all(options.map((o) => driver.text(o)));
    const index = labels.findIndex((l) => l.trim() === part.label);
    assert.ok(index > 0, `the picker offers ${part.label}: ${JSON.stringify(labels)}`);
    await driver.click(options[index]);

    const block = rendered.ok.replace(/\s+$/, '');
    const after = await driver.waitUntil(async () => {
      const t = await editorText(driver);
      return t.includes(block) ? t : null;
    }, `the ${part.label} part in the editor`);
    const afterLines = after.split('\n');
    assert.equal(afterLines[at - 1], lines[at - 1], 'the cursor line is kept whole, not split');
    assert.equal(afterLines.slice(at).join('\n').startsWith(block), true, 'the part starts on the line after the cursor');
    assert.equal(after.length, before.length + 1 + block.length, 'nothing else changed');
    await waitSaved(driver);
    const draftId = await draftIdOf(driver);
    const versions = await driver.invoke('list_versions', { draftId });
    const newest = await driver.invoke('get_version', { versionId: versions.ok[0].id });
    assert.equal(newest.ok, after, 'the newest saved version holds the inserted part');
  });
});

/** The id of the draft the library lists (the sample has one). */
async function draftIdOf(driver) {
  const overview = await driver.invoke('library_overview');
  assert.ok(overview.ok, `library_overview answers: ${JSON.stringify(overview)}`);
  assert.equal(overview.ok.drafts.length, 1, 'one draft in the sample library');
  return overview.ok.drafts[0].id;
}

test('restoring an earlier version brings its text back and keeps the replaced text as a version', async () => {
  await withApp('versions', async ({ driver, screenshot }) => {
    await openSampleDraft(driver);
    const first = '  （十二）版本核验甲：全年办理示例版本事项41件。';
    const second = '  （十三）版本核验乙：全年办理示例版本事项42件。';
    await typeLine(driver, first);
    await waitSaved(driver);
    await typeLine(driver, second);
    await waitSaved(driver);

    await driver.click(await driver.find(tid('versions-button')));
    const items = await driver.waitForAll(tid('version-item'), 3);
    // Newest first: [0] holds both paragraphs, [1] only the first.
    await driver.click(items[1]);
    const preview = await driver.waitUntil(async () => {
      const t = await driver.execute(`return document.querySelector('aside[aria-label="历史版本"] pre')?.textContent ?? null;`);
      return t && t.includes(first.trim()) ? t : null;
    }, 'the preview of the earlier version');
    assert.ok(!preview.includes(second.trim()), 'the earlier version does not hold the second paragraph');
    await screenshot('versions');

    const restore = await driver.execute(
      `return [...document.querySelectorAll('aside[aria-label="历史版本"] button')].findIndex((b) => b.textContent.includes('恢复此版本'));`,
    );
    assert.ok(restore >= 0, 'a 恢复此版本 button');
    await driver.click((await driver.findAll('aside[aria-label="历史版本"] button'))[restore]);
    const restored = await driver.waitUntil(async () => {
      const t = await editorText(driver);
      return t.includes(second.trim()) ? null : t;
    }, 'the editor to show the restored text');
    assert.equal(restored, preview, 'the editor holds exactly the restored version');
    await waitSaved(driver);

    const draftId = await draftIdOf(driver);
    const versions = (await driver.invoke('list_versions', { draftId })).ok;
    const texts = [];
    for (const v of versions) texts.push((await driver.invoke('get_version', { versionId: v.id })).ok);
    assert.equal(texts[0], preview, 'the restored text is stored as the newest version');
    assert.ok(
      texts.some((t) => t.includes(second.trim())),
      'the text the restore replaced is still among the versions',
    );
  });
});
