// The checks follow the typing: a sentence with 七五普法 typed (real keystrokes) into the 2024 draft
// brings a term.outdated finding on that line, and a look back (总结…) none; a click on a finding
// selects its line in the editor; a click in the outline moves the cursor. Screenshots: the editor with its outline, the checks pane with
// the figure table and the section diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp } from './harness.mjs';
import {
  KEY,
  cursorToLineEnd,
  editorText,
  findings,
  openDraftFromLibrary,
  selection,
  texts,
  tid,
  typeKeys,
  waitForEditorText,
  waitForFinding,
  waitSaved,
} from './ui.mjs';

// As current work (outdated in a 2024 report), and as a look back (legitimate: 总结 marks the past).
const CURRENT = '  （九）持续抓好法治宣传教育，深入实施“七五”普法规划，组织各类普法活动。';
const REVIEW = '  （十）认真总结“七五”普法工作经验，巩固普法成果。';

test('typing 七五普法 into the 2024 draft brings a term.outdated finding on that line', async () => {
  await withApp('checks-typing', async ({ driver, memory }) => {
    await openDraftFromLibrary(driver, /2024/);
    await waitForEditorText(driver, /2024年度法治政府建设情况/);
    await driver.waitFor(tid('figure-table'), 30_000);
    const before = await findings(driver);
    assert.ok(before.length > 0, 'the sample draft has findings before any typing');

    // The new paragraph goes after the 普法 paragraph (the last of the first part).
    const at = await driver.execute(`
      const content = document.querySelector('[data-testid="editor"] .cm-content');
      const view = content.cmTile?.root?.view ?? content.cmView?.rootView?.view;
      const doc = view.state.doc;
      for (let n = 1; n <= doc.lines; n++) if (doc.line(n).text.includes('宪法宣传周')) return n;
      return doc.lines;`);
    // Real keystrokes: Enter at the end of that paragraph, then the two new paragraphs.
    await cursorToLineEnd(driver, at);
    // (Enter keeps the paragraph's indent, so the sentences are typed without theirs.)
    await typeKeys(driver, `${KEY.enter}${CURRENT.trim()}${KEY.enter}${REVIEW.trim()}`);
    const line = at + 1;
    const review = at + 2;
    const typed = (await editorText(driver)).split('\n');
    assert.equal(typed[line - 1].trim(), CURRENT.trim(), 'the keystrokes reached the editor: the first new paragraph');
    assert.equal(typed[review - 1].trim(), REVIEW.trim(), 'the keystrokes reached the editor: the second new paragraph');
    assert.ok(
      !before.some((f) => f.code === 'term.outdated' && (f.line === line || f.line === review)),
      'no term.outdated finding on the new lines before typing',
    );
    const found = await waitForFinding(
      driver,
      (f) => f.code === 'term.outdated' && f.line === line,
      `a term.outdated finding on line ${line}`,
    );
    assert.match(found.text, /七五/, `the finding names the outdated term: ${found.text}`);
    // The same check run saw the look-back line too, and says nothing about it.
    const now = await findings(driver);
    assert.ok(
      !now.some((f) => f.code === 'term.outdated' && f.line === review),
      `no finding on the look-back line ${review} (总结“七五”普法工作经验)`,
    );
    await waitSaved(driver);
    const mem = memory();
    const mb = (kb) => (kb / 1024).toFixed(0);
    console.log(`memory after opening the draft, typing and its checks: RSS ${mb(mem.rssKb)} MB summed, PSS ${mb(mem.pssKb)} MB`);
  });
});

test('a click on a finding selects its line; a click in the outline moves the cursor', async () => {
  await withApp('checks-click', async ({ driver, screenshot }) => {
    await openDraftFromLibrary(driver, /2024/);
    const text = await waitForEditorText(driver, /2024年度法治政府建设情况/);
    const lines = text.split('\n');

    // arith.order: 受理368件 > 收到352件, planted in the sample draft.
    const finding = await waitForFinding(driver, (f) => f.code === 'arith.order', 'the arith.order finding', 30_000);
    assert.match(lines[finding.line - 1], /受理368件/, 'the finding points at the line with the contradiction');
    const button = await driver.find(`${tid('finding')}[data-code="arith.order"]`);
    await driver.click(button);
    const sel = await driver.waitUntil(async () => {
      const s = await selection(driver);
      return s.fromLine === finding.line ? s : null;
    }, `the selection on line ${finding.line}`);
    assert.equal(sel.from, sel.lineFrom, 'the selection starts at the start of the line');
    assert.equal(sel.to, sel.lineTo, 'the selection ends at the end of the line');
    assert.ok(sel.to > sel.from, 'the whole line is selected');
    assert.ok(sel.focused, 'the editor has the focus after the click');

    // The section diff follows the cursor: it shows the 矛盾纠纷 section against last year's.
    const diff = await driver.waitUntil(async () => {
      const t = await driver.text(await driver.find(tid('diff-view')));
      return /368/.test(t) ? t : null;
    }, 'the diff of the selected section', { timeoutMs: 20_000 });
    assert.match(diff, /行政复议/, 'the diff shows the section of the selected line');
    const inserted = (await texts(driver, `${tid('diff-view')} ins`)).join('|');
    const deleted = (await texts(driver, `${tid('diff-view')} del`)).join('|');
    assert.match(inserted, /368/, `this year's 受理368件 is marked as new: ${inserted}`);
    assert.match(deleted, /186/, `last year's 受理186件 is marked as gone: ${deleted}`);
    const figures = await texts(driver, `${tid('figure-table')} tr`);
    assert.ok(figures.length > 3, `the figure table has rows: ${figures.length}`);
    await driver.execute(`document.querySelector('[data-testid="diff-view"]').scrollIntoView({ block: 'center' });`);
    await screenshot('checks-diff');
    // 放大: the same two columns over the window, then 收起 puts them back.
    await driver.click(await driver.find(tid('diff-zoom')));
    const wide = await driver.waitFor(tid('diff-wide'));
    assert.match(await driver.text(wide), /368/, 'the wide view shows the same section');
    await screenshot('diff-wide');
    await driver.click(await driver.find(`${tid('diff-wide')} .wide-head button`));
    await driver.waitUntil(async () => ((await driver.findAll(tid('diff-wide'))).length === 0 ? true : null), 'the wide view to close');
    await driver.execute(`document.querySelector('[data-testid="checks-pane"]').scrollTop = 0;`);
    await screenshot('checks');

    // Outline: a click on a heading puts the cursor at the start of its line.
    const outline = await driver.waitForAll(tid('outline-item'), 3);
    const target = outline[outline.length - 2];
    const label = (await driver.text(target)).trim();
    await driver.click(target);
    const moved = await driver.waitUntil(async () => {
      const s = await selection(driver);
      return s.fromLine !== finding.line ? s : null;
    }, 'the cursor to leave the finding line');
    assert.equal(moved.from, moved.to, 'an outline click places the cursor, it does not select');
    assert.equal(moved.from, moved.lineFrom, 'at the start of the heading line');
    const heading = label.replace(/^[\s\S]*?[、）)]/, '').slice(0, 6);
    assert.ok(moved.lineText.includes(heading), `clicking "${label}" moves to that heading, not to "${moved.lineText}"`);
    await screenshot('editor');
  });
});
