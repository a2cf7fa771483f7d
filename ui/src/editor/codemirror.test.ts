import { afterEach, describe, expect, it } from 'vitest';
import { createEditor, insertSection, pageStyleNonce, selectNextFillMark } from './codemirror';

describe('pageStyleNonce', () => {
  afterEach(() => document.getElementById('csp-nonce-carrier')?.remove());

  it('reads the nonce Tauri stamped on the carrier style tag', () => {
    const carrier = document.createElement('style');
    carrier.id = 'csp-nonce-carrier';
    carrier.setAttribute('nonce', '8f3a');
    document.head.appendChild(carrier);
    expect(pageStyleNonce(), 'without it the CSP blocks the editor styles').toBe('8f3a');
  });

  it('is empty outside Tauri', () => {
    expect(pageStyleNonce(), 'no nonce means no cspNonce facet').toBe('');
  });
});

describe('insertSection', () => {
  const PART = '（二）化解矛盾纠纷\n全年收到行政复议申请【→？】件。\n';

  function editorWith(text: string, cursor: number) {
    const view = createEditor(document.createElement('div'), text);
    view.dispatch({ selection: { anchor: cursor } });
    return view;
  }

  it('puts a part after the cursor’s paragraph, never inside it', () => {
    const text = '一、主要举措\n全年组织执法培训12次。\n二、存在不足';
    const view = editorWith(text, text.indexOf('培训'));
    insertSection(view, PART);
    expect(view.state.doc.toString().split('\n')).toEqual([
      '一、主要举措',
      '全年组织执法培训12次。',
      '（二）化解矛盾纠纷',
      '全年收到行政复议申请【→？】件。',
      '二、存在不足',
    ]);
    expect(view.state.doc.lineAt(view.state.selection.main.head).text, 'the cursor ends after the part').toBe('全年收到行政复议申请【→？】件。');
    view.destroy();
  });

  it('fills an empty line, and goes before a line when the cursor is at its start', () => {
    const view = editorWith('甲\n\n乙', 2);
    insertSection(view, PART);
    expect(view.state.doc.toString()).toBe('甲\n（二）化解矛盾纠纷\n全年收到行政复议申请【→？】件。\n乙');
    view.dispatch({ selection: { anchor: view.state.doc.length - 1 } });
    insertSection(view, '三、下一年度安排');
    expect(view.state.doc.toString().split('\n').slice(-2)).toEqual(['三、下一年度安排', '乙']);
    view.destroy();
  });
});

describe('selectNextFillMark', () => {
  it('selects the fill-in marks after the cursor one by one, then from the top again', () => {
    const text = '全年收到申请【56件→？】，受理【51件→？】。\n【本年度总体情况】\n完';
    const view = createEditor(document.createElement('div'), text);
    const selected = () => view.state.sliceDoc(view.state.selection.main.from, view.state.selection.main.to);
    expect(selectNextFillMark(view)).toBe(true);
    expect(selected()).toBe('【56件→？】');
    selectNextFillMark(view);
    expect(selected()).toBe('【51件→？】');
    selectNextFillMark(view);
    expect(selected()).toBe('【本年度总体情况】');
    selectNextFillMark(view);
    expect(selected(), 'after the last, the first again').toBe('【56件→？】');
    view.destroy();
  });

  it('says so when nothing is left to fill in', () => {
    const view = createEditor(document.createElement('div'), '全年收到申请56件。');
    expect(selectNextFillMark(view)).toBe(false);
    expect(view.state.selection.main.empty).toBe(true);
    view.destroy();
  });
});

describe('find and replace', () => {
  it('opens in Chinese on Ctrl+H and replaces every match, as one edit the change hook sees', async () => {
    const { replaceAll, setSearchQuery, SearchQuery } = await import('@codemirror/search');
    const changed: string[] = [];
    const parent = document.createElement('div');
    document.body.appendChild(parent);
    const view = createEditor(parent, '2024年工作。\n2024年计划。', { onchange: (t) => changed.push(t) });
    view.contentDOM.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', ctrlKey: true, bubbles: true }));
    const panel = parent.querySelector('.cm-search');
    expect(panel, 'Ctrl+H opens the panel').not.toBeNull();
    const labels = [...(panel?.querySelectorAll('input[type=text], input:not([type])') ?? [])].map((i) =>
      i.getAttribute('placeholder'),
    );
    expect(labels).toEqual(['查找', '替换为']);
    expect(panel?.textContent).toContain('全部替换');
    expect(panel?.textContent).not.toMatch(/replace|next|match case/);
    view.dispatch({ effects: setSearchQuery.of(new SearchQuery({ search: '2024年', replace: '2025年' })) });
    expect(replaceAll(view)).toBe(true);
    expect(view.state.doc.toString()).toBe('2025年工作。\n2025年计划。');
    expect(changed.at(-1), 'autosave hears about it').toBe('2025年工作。\n2025年计划。');
    view.destroy();
    parent.remove();
  });

  it('offers no replacing in a read-only report', () => {
    const parent = document.createElement('div');
    document.body.appendChild(parent);
    const view = createEditor(parent, '上年报告正文', {}, true);
    view.contentDOM.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true }));
    const panel = parent.querySelector('.cm-search');
    expect(panel, 'finding works in a report').not.toBeNull();
    expect(panel?.textContent).not.toContain('全部替换');
    view.destroy();
    parent.remove();
  });
});
