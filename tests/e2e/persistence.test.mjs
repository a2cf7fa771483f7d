// Nothing the drafter wrote is lost: the draft is there after a restart; typing followed at once
// by closing the window (inside the autosave pause) is saved on the way out; and kill -9 in the
// middle of autosaving, several times over, reopens the draft at its last completed save, never a
// torn one, with the library file intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, sleep, withTempDir } from './harness.mjs';
import { editorText, openDraftFromLibrary, saveStatus, tid, typeLine, waitForEditorText, waitSaved } from './ui.mjs';

/** Run `body` against the app on `dataDir`; stop everything afterwards, whatever happens. */
async function session(name, dataDir, body) {
  const app = await launch({ dataDir });
  try {
    return await body(app);
  } catch (e) {
    if (app.appPid() !== null) {
      const shot = await app.screenshot(`${name}-failure`).catch(() => null);
      if (shot) e.message += `\n(screenshot: ${shot})`;
    }
    throw e;
  } finally {
    await app.close();
  }
}

async function openSampleDraft(driver) {
  await openDraftFromLibrary(driver, /2024/);
  return waitForEditorText(driver, /2024年度法治政府建设情况/, 20_000);
}

/** `PRAGMA integrity_check` of the library file, when the sqlite3 command is there. */
function integrity(dataDir) {
  const db = join(dataDir, 'library.sqlite3');
  assert.ok(existsSync(db), 'the library file exists');
  try {
    return execFileSync('sqlite3', [db, 'PRAGMA integrity_check;'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch (e) {
    if (e.code === 'ENOENT') return 'ok'; // no sqlite3 command: the reopen below still checks
    throw e;
  }
}

test('the draft is still there after a restart, with its versions', async () => {
  await withTempDir(async (dataDir) => {
    const mark = '  （十）重启核验：全年办理示例重启事项23件。';
    await session('restart-1', dataDir, async ({ driver }) => {
      await openSampleDraft(driver);
      await typeLine(driver, mark);
      await waitSaved(driver);
    });
    await session('restart-2', dataDir, async ({ driver }) => {
      const text = await openSampleDraft(driver);
      assert.ok(text.includes(mark.trim()), 'the typed paragraph is in the reopened draft');
      await driver.click(await driver.find(tid('versions-button')));
      const versions = await driver.waitForAll(tid('version-item'), 2);
      assert.ok(versions.length >= 2, 'the first version and the saved typing are both listed');
    });
  });
});

test('closing the window right after typing (inside the autosave pause) loses nothing', async () => {
  await withTempDir(async (dataDir) => {
    const mark = '  （十一）关窗核验：全年办理示例关窗事项31件。';
    await session('close-1', dataDir, async (app) => {
      await openSampleDraft(app.driver);
      await waitSaved(app.driver);
      const typedAt = Date.now();
      await typeLine(app.driver, mark);
      const status = await saveStatus(app.driver);
      app.closeWindow();
      const closedAfter = Date.now() - typedAt;
      assert.notEqual(status, '已保存', 'the typing was not saved yet when the window was asked to close');
      assert.ok(closedAfter < 700, `the window was closed ${closedAfter} ms after typing, inside the autosave pause`);
      await app.waitAppExit(15_000);
    });
    await session('close-2', dataDir, async ({ driver }) => {
      const text = await openSampleDraft(driver);
      assert.ok(text.includes(mark.trim()), 'the text typed just before closing was saved on the way out');
    });
  });
});

// Typing in the page: a new paragraph every 900 ms (autosave waits 700 ms after each), each
// full text remembered with its time, so the test knows what a completed save must hold.
const TYPIST = `
  const [round] = arguments;
  const content = document.querySelector('[data-testid="editor"] .cm-content');
  const view = content.cmTile?.root?.view ?? content.cmView?.rootView?.view;
  window.__states = [];
  let k = 0;
  const type = () => {
    k += 1;
    const doc = view.state.doc;
    view.dispatch({ changes: { from: doc.length, insert: '\\n  崩溃核验第' + round + '轮第' + k + '段：示例数据' + (100 + k) + '件。' }, userEvent: 'input.type' });
    window.__states.push({ at: Date.now(), text: view.state.doc.toString() });
  };
  type();
  window.__typist = setInterval(type, 900);
`;

test('kill -9 while autosaving, four times: the draft reopens at its last completed save', async () => {
  await withTempDir(async (dataDir) => {
    let expected = null; // the texts the draft may hold after the last kill
    // Where in the autosave cycle to kill: ms after the save of the last edit is due to start
    // (just before it, as it starts, while it runs).
    const offsets = [-30, 0, 4, 10];
    for (let round = 1; round <= offsets.length; round++) {
      await session(`crash-${round}`, dataDir, async (app) => {
        const { driver } = app;
        const text = await openSampleDraft(driver);
        if (expected) {
          const which = expected.indexOf(text);
          assert.ok(which >= 0, `round ${round}: the reopened draft is one of the last two complete saves, not a torn or older text (ends with: …${text.slice(-60)})`);
          console.log(`kill -9 round ${round - 1}: reopened at the ${which === 0 ? 'last edit (its save completed)' : 'edit before the last (the last save was cut)'}`);
        }
        await driver.execute(TYPIST, [round]);
        // Let a few saves complete, then aim the kill at the moment the last edit's save starts.
        await driver.waitUntil(async () => (await driver.execute('return window.__states.length;')) >= 3, 'three typed paragraphs', { timeoutMs: 10_000 });
        const states = await driver.execute('return window.__states;');
        const last = states[states.length - 1];
        const killAt = last.at + 700 + offsets[round - 1];
        const pid = app.appPid();
        await sleep(Math.max(0, killAt - Date.now()));
        await app.killApp(pid);
        const more = states.length; // a paragraph typed after the read would be at +900 ms: none
        expected = [states[more - 1].text, states[more - 2].text];
      });
      assert.equal(integrity(dataDir), 'ok', `round ${round}: the library file passes PRAGMA integrity_check`);
    }
    await session('crash-final', dataDir, async ({ driver }) => {
      const text = await openSampleDraft(driver);
      const which = expected.indexOf(text);
      assert.ok(which >= 0, 'after the last kill the draft holds one of the last two complete saves');
      console.log(`kill -9 round ${offsets.length}: reopened at the ${which === 0 ? 'last edit (its save completed)' : 'edit before the last (the last save was cut)'}`);
      assert.match(text, /崩溃核验第4轮第\d+段/, 'the typing of the last round survived');
      assert.match(text, /崩溃核验第1轮第\d+段/, 'the typing of the first round survived');
      assert.equal((await editorText(driver)).length, text.length);
    });
  });
});
