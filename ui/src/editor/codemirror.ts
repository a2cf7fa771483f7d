// The CodeMirror 6 set-up for report text: Chinese prose with wrapped lines and line numbers
// (line numbers are what the outline and the checks point at). No language mode: report text is
// plain paragraphs, and nothing in it may be interpreted as markup. Fill-in marks (【113件→？】,
// 【本年度总体情况】) are highlighted so the drafter sees what is still to write. Ctrl+F finds and
// Ctrl+H (or the panel's 替换) replaces, with the panel in Chinese.
import { minimalSetup } from 'codemirror';
import { openSearchPanel, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  MatchDecorator,
  ViewPlugin,
  highlightActiveLine,
  highlightActiveLineGutter,
  lineNumbers,
} from '@codemirror/view';
import type { DecorationSet, ViewUpdate } from '@codemirror/view';

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '16px', backgroundColor: 'var(--pane)' },
  '.cm-scroller': { fontFamily: 'var(--font-text)', lineHeight: '1.9' },
  '.cm-content': { padding: '12px 0', maxWidth: '46em' },
  '.cm-line': { padding: '0 16px' },
  '.cm-gutters': { backgroundColor: 'var(--bg)', color: 'var(--muted)', border: 'none' },
  // Translucent: CodeMirror draws the selection beneath the lines, so an opaque active line would
  // hide the line a finding or outline click has just selected.
  '.cm-activeLine': { backgroundColor: 'rgba(214, 180, 90, 0.12)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: '#c8dcf4' },
  '.cm-fill-mark': {
    backgroundColor: '#fdf0c4',
    borderBottom: '1px dashed #b8860b',
    borderRadius: '2px',
  },
  '.cm-fill-mark.cm-fill-figure': { backgroundColor: '#fde2c8', borderBottomColor: '#c0561b' },
  '&.cm-readonly .cm-content': { caretColor: 'transparent' },
});

/** A fill-in mark: 【…】 within one line; `→？` inside means "last year's figure, update it". */
export const FILL_MARK = /【[^【】\n]*】/g;

const figureMark = Decoration.mark({ class: 'cm-fill-mark cm-fill-figure', attributes: { title: '待更新的数据' } });
const blankMark = Decoration.mark({ class: 'cm-fill-mark', attributes: { title: '待填写' } });

const fillMarks = new MatchDecorator({
  regexp: FILL_MARK,
  decoration: (match) => (match[0].includes('→？') || match[0].includes('→?') ? figureMark : blankMark),
});

const fillMarkHighlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = fillMarks.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = fillMarks.updateDeco(update, this.decorations);
    }
  },
  { decorations: (v) => v.decorations },
);

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

export interface EditorHooks {
  /** The whole text after every change the drafter (or a restore) made. */
  onchange?: (text: string) => void;
  /** The 1-based line of the cursor whenever it moves to another line. */
  oncursorline?: (line: number) => void;
}

const editability = new Compartment();

/** CodeMirror's own words (the find and replace panel), in Chinese. */
export const PHRASES: Record<string, string> = {
  Find: '查找',
  Replace: '替换为',
  next: '下一个',
  previous: '上一个',
  all: '全选匹配',
  'match case': '区分大小写',
  'by word': '整词',
  regexp: '正则表达式',
  replace: '替换',
  'replace all': '全部替换',
  close: '关闭',
  'current match': '当前匹配',
  'replaced $ matches': '已替换 $ 处',
  'replaced match on line $': '已替换第 $ 行的匹配',
  'on line': '在第',
  'Go to line': '跳到行',
  go: '跳转',
  'Control character': '控制字符',
};

/** Ctrl+H, as in Word and WPS: the same panel as Ctrl+F (查找 and 替换 share it). */
const replaceKey = { key: 'Mod-h', run: openSearchPanel, preventDefault: true };

/** Marks a transaction that loads another document: not an edit, so no change hook. */
const loading = Annotation.define<boolean>();

function editable(readOnly: boolean) {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.editorAttributes.of({ class: readOnly ? 'cm-readonly' : '' }),
  ];
}

export function createEditor(
  parent: HTMLElement,
  text: string,
  hooks: EditorHooks = {},
  readOnly = false,
): EditorView {
  const nonce = pageStyleNonce();
  let lastLine = 1;
  const listener = EditorView.updateListener.of((update) => {
    const load = update.transactions.some((tr) => tr.annotation(loading));
    if (update.docChanged && !load) hooks.onchange?.(update.state.doc.toString());
    if (update.docChanged || update.selectionSet) {
      const line = update.state.doc.lineAt(update.state.selection.main.head).number;
      if (line !== lastLine) {
        lastLine = line;
        hooks.oncursorline?.(line);
      }
    }
  });
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        minimalSetup,
        search({ top: true }),
        keymap.of([...searchKeymap, replaceKey]),
        EditorState.phrases.of(PHRASES),
        lineNumbers(),
        highlightActiveLine(),
        highlightActiveLineGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ lang: 'zh-CN', 'aria-label': '报告正文' }),
        EditorView.editorAttributes.of({ 'data-testid': 'editor' }),
        editability.of(editable(readOnly)),
        fillMarkHighlighter,
        theme,
        listener,
        nonce ? EditorView.cspNonce.of(nonce) : [],
      ],
    }),
  });
}

export function setReadOnly(view: EditorView, readOnly: boolean): void {
  view.dispatch({ effects: editability.reconfigure(editable(readOnly)) });
}

/**
 * Replace the whole document, cursor at the start. A load (another document opened) is not an
 * edit and does not reach the change hook; a restore (`load: false`) is, so it gets saved.
 */
export function replaceText(view: EditorView, text: string, load = true): void {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    scrollIntoView: true,
    annotations: loading.of(load),
  });
}

function lineAt(view: EditorView, line: number) {
  const doc = view.state.doc;
  return doc.line(Math.min(Math.max(1, Math.trunc(line)), doc.lines));
}

/** Put the cursor at the start of a 1-based line (clamped to the document) and scroll it to the top. */
export function showLine(view: EditorView, line: number): void {
  const target = lineAt(view, line);
  view.dispatch({
    selection: { anchor: target.from },
    effects: EditorView.scrollIntoView(target.from, { y: 'start', yMargin: 12 }),
  });
  view.focus();
}

/** Select a whole 1-based line (a finding's line) and scroll it into the middle. */
export function selectLine(view: EditorView, line: number): void {
  const target = lineAt(view, line);
  view.dispatch({
    selection: { anchor: target.from, head: target.to },
    effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
  });
  view.focus();
}

/**
 * Insert a rendered part (several lines) at the cursor's line, never inside a paragraph: on an
 * empty line it takes that line, at a line's start it goes before it, elsewhere after the
 * cursor's line. The cursor ends after the inserted part.
 */
export function insertSection(view: EditorView, text: string): void {
  const block = text.replace(/\s+$/, '');
  if (block === '') return;
  const head = view.state.selection.main.head;
  const line = view.state.doc.lineAt(head);
  const change =
    line.text.trim() === ''
      ? { from: line.from, to: line.to, insert: block, cursor: line.from + block.length }
      : head === line.from
        ? { from: line.from, to: line.from, insert: `${block}\n`, cursor: line.from + block.length }
        : { from: line.to, to: line.to, insert: `\n${block}`, cursor: line.to + 1 + block.length };
  view.dispatch({
    changes: { from: change.from, to: change.to, insert: change.insert },
    selection: { anchor: change.cursor },
    scrollIntoView: true,
  });
  view.focus();
}

/**
 * Select the next fill-in mark after the cursor (from the top again after the last one) and
 * scroll to it; false when the text has none left.
 */
export function selectNextFillMark(view: EditorView): boolean {
  const text = view.state.doc.toString();
  const after = view.state.selection.main.to;
  const marks = [...text.matchAll(FILL_MARK)].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length }));
  const next = marks.find((m) => m.from >= after) ?? marks[0];
  if (!next) return false;
  view.dispatch({
    selection: { anchor: next.from, head: next.to },
    effects: EditorView.scrollIntoView(next.from, { y: 'center' }),
  });
  view.focus();
  return true;
}
