// The CodeMirror 6 set-up for report text: Chinese prose with wrapped lines and line numbers
// (line numbers are what the outline and the checks point at). No language mode: report text is
// plain paragraphs, and nothing in it may be interpreted as markup.
import { minimalSetup } from 'codemirror';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '16px', backgroundColor: 'var(--pane)' },
  '.cm-scroller': { fontFamily: 'var(--font-text)', lineHeight: '1.9' },
  '.cm-content': { padding: '12px 0', maxWidth: '46em' },
  '.cm-line': { padding: '0 16px' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: '#faf6ec' },
});

/**
 * The nonce Tauri gives this page's styles. CodeMirror injects its styles in a <style> element,
 * which the strict CSP (style-src 'self' + nonce) only lets through with this nonce; index.html
 * carries an empty <style> for Tauri to stamp. Empty outside Tauri (tests, plain browser).
 */
export function pageStyleNonce(doc: Document = document): string {
  const carrier = doc.querySelector<HTMLStyleElement>('style#csp-nonce-carrier');
  // Browsers expose the nonce as a property only (the attribute is blanked); jsdom the reverse.
  return carrier?.nonce || carrier?.getAttribute('nonce') || '';
}

export function createEditor(parent: HTMLElement, text: string): EditorView {
  const nonce = pageStyleNonce();
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        minimalSetup,
        lineNumbers(),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ lang: 'zh-CN', 'aria-label': '报告正文' }),
        theme,
        nonce ? EditorView.cspNonce.of(nonce) : [],
      ],
    }),
  });
}

/** Replace the whole document (a newly imported report), cursor at the start. */
export function replaceText(view: EditorView, text: string): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
  });
}

/** Put the cursor at the start of a 1-based line (clamped to the document) and scroll it to the top. */
export function showLine(view: EditorView, line: number): void {
  const doc = view.state.doc;
  const target = doc.line(Math.min(Math.max(1, Math.trunc(line)), doc.lines));
  view.dispatch({
    selection: { anchor: target.from },
    effects: EditorView.scrollIntoView(target.from, { y: 'start', yMargin: 12 }),
  });
  view.focus();
}
