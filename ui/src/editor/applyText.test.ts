import { describe, expect, it } from 'vitest';
import { undo } from '@codemirror/commands';
import { createEditor } from './codemirror';
import { applyText, textChange } from './applyText';

describe('textChange', () => {
  it('is null when nothing changed', () => {
    expect(textChange('一、总体情况', '一、总体情况')).toBeNull();
  });

  it('is only the inserted lines, not the whole text', () => {
    const before = '一、组织领导\n全年召开会议3次。\n二、依法决策';
    const after = '一、组织领导\n全年召开会议3次。\n示例镇全年开展培训12场。\n二、依法决策';
    expect(textChange(before, after)).toEqual({ from: 17, to: 17, insert: '示例镇全年开展培训12场。\n' });
  });

  it('replaces a filled mark in place', () => {
    const before = '收到行政复议申请【113件→？】。';
    const after = '收到行政复议申请142件。';
    const change = textChange(before, after);
    expect(change).not.toBeNull();
    const applied = before.slice(0, change!.from) + change!.insert + before.slice(change!.to);
    expect(applied).toBe(after);
    expect(change!.from).toBe(before.indexOf('【'));
  });

  it('never splits a character outside the basic plane', () => {
    const before = 'a𠀀b';
    const after = 'a𠀁b';
    const change = textChange(before, after)!;
    expect(change.insert).toBe('𠀁');
    expect(before.slice(change.from, change.to)).toBe('𠀀');
  });
});

describe('applyText', () => {
  it('applies the new text as one undo step that the drafter can take back', () => {
    const before = '一、组织领导\n全年召开会议3次。\n二、依法决策';
    const after = '一、组织领导\n全年召开会议3次。\n示例镇全年开展培训12场。\n二、依法决策';
    const view = createEditor(document.createElement('div'), before);
    view.dispatch({ changes: { from: before.length, insert: '\n新的一行' } });
    const typed = view.state.doc.toString();
    expect(applyText(view, after + '\n新的一行')).toBe(true);
    expect(view.state.doc.toString()).toBe(after + '\n新的一行');
    expect(view.state.doc.lineAt(view.state.selection.main.head).number, 'the cursor ends after the insertion').toBe(4);
    undo(view);
    expect(view.state.doc.toString(), 'one Ctrl+Z takes only the insertion back').toBe(typed);
  });

  it('does nothing when the text is already the same', () => {
    const view = createEditor(document.createElement('div'), '一、组织领导');
    expect(applyText(view, '一、组织领导')).toBe(false);
  });
});
