// 改正 in the editor: the fixes a finding (or 全部改正) proposes, applied to the text as it is now
// in ONE transaction, so one Ctrl+Z takes all of them back and nothing typed before or after is
// merged into that undo step. Planning (where each fix now stands) is checks/fixes.ts's.
import { isolateHistory } from '@codemirror/commands';
import type { EditorView } from '@codemirror/view';
import { planFixes } from '../checks/fixes';
import type { Fix } from '../checks/fixes';

/** What a fix request did: how many replacements were made and which could not be placed. */
export interface FixOutcome {
  applied: number;
  skipped: Fix[];
}

/** Apply `fixes` to the editor's text as one undo step; the change hook sees it as an edit. */
export function applyFixes(view: EditorView, fixes: Fix[]): FixOutcome {
  const { changes, skipped } = planFixes(view.state.doc.toString(), fixes);
  if (changes.length === 0) return { applied: 0, skipped };
  const last = changes[changes.length - 1];
  view.dispatch({
    changes: changes.map(({ from, to, insert }) => ({ from, to, insert })),
    selection: { anchor: last.from + last.insert.length },
    scrollIntoView: true,
    annotations: isolateHistory.of('full'),
    userEvent: 'input.fix',
  });
  view.focus();
  return { applied: changes.length, skipped };
}

/** A request to apply fixes; `seq` makes the same fixes asked again a new request. */
export interface FixRequest {
  fixes: Fix[];
  seq: number;
}
