// A new whole text for the open draft from the backend (a material paragraph inserted, a mark
// filled from a statistics table): applied as the smallest change that turns the editor's text
// into it, in ONE undo step, so Ctrl+Z takes exactly that insertion back and the cursor and the
// scroll position of the rest of the text stay where the drafter left them.
import { isolateHistory } from '@codemirror/commands';
import type { EditorView } from '@codemirror/view';

/** The span of `before` that differs from `after`: everything else is a shared prefix or suffix. */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The one change from `before` to `after` (null when they are equal). Offsets in UTF-16 units. */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  // Never split a surrogate pair (a rare CJK extension character) between prefix and change.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start -= 1;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end += 1;
  }
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end -= 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Make the editor show `after` with one isolated undo step; the cursor goes to the end of the
 * inserted text, scrolled into view. False when there was nothing to change.
 */
export function applyText(view: EditorView, after: string): boolean {
  const change = textChange(view.state.doc.toString(), after);
  if (!change) return false;
  view.dispatch({
    changes: change,
    selection: { anchor: change.from + change.insert.length },
    scrollIntoView: true,
    annotations: isolateHistory.of('full'),
    userEvent: 'input.material',
  });
  view.focus();
  return true;
}

/** A request to apply a new whole text; `seq` makes the same text asked again a new request. */
export interface TextRequest {
  text: string;
  seq: number;
}
