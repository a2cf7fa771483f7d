import { describe, expect, it, vi } from 'vitest';
import { redo, undo } from '@codemirror/commands';
import { createEditor } from './codemirror';
import { applyFixes } from './applyFixes';
import type { Fix } from '../checks/fixes';

const fix = (line: number, column: number, matched: string, suggestion: string): Fix => ({
  code: 'x' as Fix['code'],
  key: `${line}:${column}`,
  line,
  column,
  matched,
  suggestion,
});

describe('applyFixes', () => {
  it('applies every fix in one undo step, not merged with the typing before it', () => {
    const onchange = vi.fn();
    const view = createEditor(document.createElement('div'), '按排工作\n认真布署，，', { onchange });
    // Typing just before (inside CodeMirror's 500 ms grouping pause) must stay its own step.
    view.dispatch({ changes: { from: 0, insert: '甲' }, userEvent: 'input.type' });
    const out = applyFixes(view, [fix(1, 1, '按排', '安排'), fix(2, 2, '布署', '部署'), fix(2, 4, '，，', '，')]);
    expect(out.applied).toBe(3);
    expect(view.state.doc.toString()).toBe('甲安排工作\n认真部署，');
    expect(onchange, 'a fix is an edit: autosave and the check see it').toHaveBeenLastCalledWith('甲安排工作\n认真部署，');
    undo(view);
    expect(view.state.doc.toString(), 'one Ctrl+Z takes all fixes back, and only them').toBe('甲按排工作\n认真布署，，');
    undo(view);
    expect(view.state.doc.toString()).toBe('按排工作\n认真布署，，');
    redo(view);
    redo(view);
    expect(view.state.doc.toString()).toBe('甲安排工作\n认真部署，');
    view.destroy();
  });

  it('a single fix right beside what was just typed is still its own undo step', () => {
    const view = createEditor(document.createElement('div'), '认真布署');
    view.dispatch({ changes: { from: 4, insert: '工作' }, userEvent: 'input.type' });
    applyFixes(view, [fix(1, 2, '布署', '部署')]);
    expect(view.state.doc.toString()).toBe('认真部署工作');
    undo(view);
    expect(view.state.doc.toString(), 'undo takes back the fix, not the typing').toBe('认真布署工作');
    redo(view);
    // Typing right after the fix (inside the grouping pause) is not merged into it either.
    view.dispatch({ changes: { from: 4, insert: '，' }, userEvent: 'input.type' });
    undo(view);
    expect(view.state.doc.toString(), 'undo takes back the typing only').toBe('认真部署工作');
    undo(view);
    expect(view.state.doc.toString()).toBe('认真布署工作');
    view.destroy();
  });

  it('changes nothing when the words are no longer there', () => {
    const onchange = vi.fn();
    const view = createEditor(document.createElement('div'), '认真部署', { onchange });
    const out = applyFixes(view, [fix(1, 2, '布署', '部署')]);
    expect(out.applied).toBe(0);
    expect(out.skipped).toHaveLength(1);
    expect(onchange).not.toHaveBeenCalled();
    view.destroy();
  });
});
