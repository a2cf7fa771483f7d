// What the tests do with the app's UI, through the data-testid hooks of docs/ipc.md. Typing goes
// through CodeMirror's own transaction API (as an IME's committed text would arrive: WebKitGTK
// under Tauri hides IME preedit, so a real Chinese input method cannot be driven); plain keys go
// through WebDriver's "send keys".
import { sleep } from './harness.mjs';

export const tid = (id) => `[data-testid="${id}"]`;

/** JS that binds `view` to the CodeMirror EditorView inside [data-testid=editor] (or null). */
const VIEW = `
  const content = document.querySelector('[data-testid="editor"] .cm-content');
  const view = content ? (content.cmTile?.root?.view ?? content.cmView?.rootView?.view ?? content.cmView?.view ?? null) : null;
  if (!view) throw new Error('no CodeMirror view in [data-testid=editor]');
`;

/** The library pane once it lists at least one report; returns the report items. */
export async function waitForLibrary(driver, timeoutMs = 20_000) {
  await driver.waitFor(tid('library-pane'), timeoutMs);
  return driver.waitForAll(tid('report-item'), 1, timeoutMs);
}

/** Texts of every element matching `css`, in one round trip. */
export function texts(driver, css) {
  return driver.execute(
    'return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent.replace(/\\s+/g, " ").trim());',
    [css],
  );
}

/**
 * Click the first element matching `css` whose text (textContent: WebKitWebDriver's rendered
 * "element text" drops parts of ellipsed, floated labels) matches `pattern`.
 */
export async function clickByText(driver, css, pattern) {
  const found = await driver.waitUntil(async () => {
    const all = await texts(driver, css);
    const index = all.findIndex((t) => pattern.test(t));
    if (index < 0) return null;
    const elements = await driver.findAll(css);
    return elements.length === all.length ? elements[index] : null;
  }, `${css} with text ${pattern}`);
  await driver.click(found);
  return found;
}

/** The editor's whole text (the document, not what is rendered on screen). */
export function editorText(driver) {
  return driver.execute(`${VIEW} return view.state.doc.toString();`);
}

/** Wait until the editor holds a document whose text matches `pattern`; returns the text. */
export function waitForEditorText(driver, pattern, timeoutMs = 15_000) {
  return driver.waitUntil(
    async () => {
      const text = await editorText(driver);
      return pattern.test(text) ? text : null;
    },
    `editor text matching ${pattern}`,
    { timeoutMs },
  );
}

/**
 * Type `text` into the editor as the drafter would: a user input transaction at `at`
 * ('end' = a new paragraph at the end, or {line} = a new line after that 1-based line).
 * Returns the 1-based line number the new text starts on.
 */
export function typeLine(driver, text, at = 'end') {
  return driver.execute(
    `${VIEW}
     const [text, at] = arguments;
     const doc = view.state.doc;
     const after = at === 'end' ? doc.line(doc.lines) : doc.line(at.line);
     const insert = '\\n' + text;
     view.dispatch({
       changes: { from: after.to, insert },
       selection: { anchor: after.to + insert.length },
       userEvent: 'input.type',
       scrollIntoView: true,
     });
     view.focus();
     return after.number + 1;`,
    [text, at],
  );
}

/** Put the cursor at the end of a 1-based line (a selection change, no edit) and focus the editor. */
export function cursorToLineEnd(driver, line) {
  return driver.execute(
    `${VIEW}
     const l = view.state.doc.line(arguments[0]);
     view.dispatch({ selection: { anchor: l.to }, scrollIntoView: true });
     view.focus();`,
    [line],
  );
}

/** Real keystrokes into the editor (WebDriver "send keys": key events through WebKit). */
export async function typeKeys(driver, keys) {
  await driver.sendKeys(await driver.find(`${tid('editor')} .cm-content`), keys);
}

export const KEY = { enter: '\uE007', end: '\uE010', control: '\uE009' };

/** Replace the whole text as one user edit (select all + paste). */
export function replaceAll(driver, text) {
  return driver.execute(
    `${VIEW}
     view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: arguments[0] }, userEvent: 'input.paste' });`,
    [text],
  );
}

/** The main selection: offsets, the 1-based lines it starts and ends on, and that line's extent. */
export function selection(driver) {
  return driver.execute(`${VIEW}
    const sel = view.state.selection.main;
    const a = view.state.doc.lineAt(sel.from);
    const b = view.state.doc.lineAt(sel.to);
    return { from: sel.from, to: sel.to, fromLine: a.number, toLine: b.number,
             lineFrom: a.from, lineTo: a.to, lineText: a.text, focused: view.hasFocus };`);
}

/** The save status label (已保存 / 正在保存… / 未保存). */
export async function saveStatus(driver) {
  return (await driver.text(await driver.find(tid('save-status')))).trim();
}

/** Wait for 已保存 after typing (the autosave pause is under a second). */
export function waitSaved(driver, timeoutMs = 10_000) {
  return driver.waitUntil(async () => (await saveStatus(driver)) === '已保存', 'save-status 已保存', { timeoutMs, intervalMs: 50 });
}

/** Every finding shown: {code, line, severity, text}. */
export function findings(driver) {
  return driver.execute(`return [...document.querySelectorAll('[data-testid="finding"]')].map((e) => ({
    code: e.getAttribute('data-code'), line: Number(e.getAttribute('data-line')),
    severity: e.getAttribute('data-severity'), text: e.textContent.replace(/\\s+/g, ' ').trim() }));`);
}

/** Wait for a finding that satisfies `pred`. */
export function waitForFinding(driver, pred, what, timeoutMs = 20_000) {
  return driver.waitUntil(
    async () => (await findings(driver)).find(pred) ?? null,
    what,
    { timeoutMs, intervalMs: 200 },
  );
}

/** Open the first draft in the library whose text matches `pattern`; wait for its text. */
export async function openDraftFromLibrary(driver, pattern = /./) {
  await driver.waitForAll(tid('draft-item'), 1, 20_000);
  await clickByText(driver, tid('draft-item'), pattern);
  await driver.waitFor(tid('save-status'));
  await sleep(0);
}
