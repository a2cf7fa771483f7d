import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { EditorView } from '@codemirror/view';
import EditorPane from './EditorPane.svelte';
import { draftDoc, reportDoc } from './openDoc';
import { fakeBackend, sampleDraft } from '../test/backend';
import { sampleOutline } from '../test/fixtures';

function viewIn(container: HTMLElement): EditorView {
  const root = container.querySelector<HTMLElement>('[data-testid="editor"]');
  const view = root && EditorView.findFromDOM(root);
  if (!view) throw new Error('no editor');
  return view;
}

function props(overrides: Record<string, unknown> = {}) {
  return {
    doc: draftDoc(sampleDraft()),
    outline: sampleOutline().sections,
    jump: null,
    saveStatus: 'saved' as const,
    onchange: vi.fn(),
    oncursorline: vi.fn(),
    onerror: vi.fn(),
    ...overrides,
  };
}

describe('EditorPane', () => {
  it('explains the editor before anything is open', () => {
    fakeBackend();
    const { container } = render(EditorPane, props({ doc: null, outline: [] }));
    expect(screen.getByText(/报告的编辑区/)).toBeTruthy();
    expect(container.querySelector('.cm-editor'), 'no editor without text').toBeNull();
  });

  it('opens a report read-only, one line per paragraph, without draft tools', () => {
    fakeBackend();
    const { container } = render(EditorPane, props({ doc: reportDoc(1, sampleOutline()) }));
    const lines = [...container.querySelectorAll('.cm-line')].map((l) => l.textContent);
    expect(lines[6], 'editor line 7 is text line 7, so outline lines match').toBe('全年收到行政复议申请56件，受理51件。');
    expect(viewIn(container).state.readOnly, 'a stored report is never edited').toBe(true);
    expect(screen.getByText('往年报告 · 只读')).toBeTruthy();
    expect(screen.queryByTestId('save-status')).toBeNull();
    expect(screen.queryByTestId('template-picker')).toBeNull();
  });

  it('reports typing in a draft and marks fill-in marks', async () => {
    fakeBackend();
    const text = '一、总体情况\n全年收到行政复议申请【56件→？】，【本年度总体情况】。';
    const p = props({ doc: draftDoc(sampleDraft({ text })) });
    const { container } = render(EditorPane, p);
    const view = viewIn(container);
    expect(view.state.readOnly).toBe(false);
    const marks = [...container.querySelectorAll('.cm-fill-mark')].map((m) => [m.textContent, m.classList.contains('cm-fill-figure')]);
    expect(marks, 'a figure to update and a blank are both highlighted, differently').toEqual([
      ['【56件→？】', true],
      ['【本年度总体情况】', false],
    ]);
    view.dispatch({ changes: { from: 0, insert: '甲' } });
    expect(p.onchange).toHaveBeenCalledWith('甲' + text);
  });

  it('shows the save status it is given', async () => {
    fakeBackend();
    const { rerender } = render(EditorPane, props({ saveStatus: 'saving' }));
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('正在保存…');
    await rerender({ saveStatus: 'unsaved', saveError: { code: 'store.disk_full', message: '磁盘已满' } });
    const status = screen.getByTestId('save-status');
    expect(status.textContent?.trim()).toBe('未保存');
    expect(status.title, 'the reason is one hover away').toContain('磁盘已满');
  });

  it('jumps from an outline heading to its line', async () => {
    fakeBackend();
    const { container } = render(EditorPane, props());
    const items = screen.getAllByTestId('outline-item');
    await fireEvent.click(items.find((b) => b.textContent?.includes('化解社会矛盾纠纷'))!);
    expect(container.querySelector('.cm-activeLine')?.textContent).toBe('二、化解社会矛盾纠纷');
  });

  it('selects a whole line when asked to (a finding)', async () => {
    fakeBackend();
    const p = props();
    const { container, rerender } = render(EditorPane, p);
    await rerender({ jump: { line: 7, seq: 1, select: true } });
    const view = viewIn(container);
    const sel = view.state.selection.main;
    expect(view.state.sliceDoc(sel.from, sel.to), 'the finding’s line is selected').toBe('全年收到行政复议申请56件，受理51件。');
  });

  it('loads another document without counting it as typing', async () => {
    fakeBackend();
    const p = props();
    const { container, rerender } = render(EditorPane, p);
    await rerender({ doc: draftDoc(sampleDraft({ id: 8, text: '示例县2025年报告\n第二行' })) });
    expect(container.querySelector('.cm-content')?.textContent).toContain('示例县2025年报告');
    expect(p.onchange, 'opening a draft must not save a new version').not.toHaveBeenCalled();
  });

  it('inserts a rendered template at the cursor', async () => {
    const backend = fakeBackend();
    const p = props();
    const { container } = render(EditorPane, p);
    const view = viewIn(container);
    view.dispatch({ selection: { anchor: view.state.doc.line(2).to } });
    const picker = (await screen.findByRole('option', { name: '化解矛盾纠纷' })).closest('select')!;
    expect(picker.dataset.testid).toBe('template-picker');
    await fireEvent.change(picker, { target: { value: 'disputes' } });
    await waitFor(() => expect(view.state.doc.line(2).text).toBe('（disputes·2024）'));
    expect(backend.callsOf('render_template'), 'rendered for the draft’s year').toEqual([{ kind: 'disputes', year: 2024 }]);
    expect(p.onchange, 'an inserted template is typing: it gets saved').toHaveBeenCalled();
  });

  it('shows a saved version and restores it as an edit', async () => {
    const backend = fakeBackend({ get_version: (a) => `恢复的正文\n版本${a.versionId}` });
    const p = props();
    const { container } = render(EditorPane, p);
    await fireEvent.click(screen.getByTestId('versions-button'));
    const items = await screen.findAllByTestId('version-item');
    expect(items.map((i) => i.textContent), 'newest first, a named one keeps its name').toHaveLength(3);
    expect(items[2].textContent).toContain('初稿');
    await fireEvent.click(items[1]);
    expect(await screen.findByText(/版本32/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '恢复此版本' }));
    await waitFor(() => expect(viewIn(container).state.doc.toString()).toBe('恢复的正文\n版本32'));
    expect(p.onchange, 'restoring is saved as a new version').toHaveBeenLastCalledWith('恢复的正文\n版本32');
    expect(backend.callsOf('list_versions')).toEqual([{ draftId: 7 }]);
    expect(screen.queryByTestId('version-item'), 'the panel closes after a restore').toBeNull();
  });

  it('reads the versions again when one more is stored while the list is open', async () => {
    let listed = 0;
    const backend = fakeBackend({
      list_versions: () => {
        listed += 1;
        return [{ id: 40 + listed, savedAt: Date.UTC(2025, 0, 10, 3, listed), chars: 100 + listed, name: null }];
      },
    });
    const { rerender } = render(EditorPane, props({ saves: 3 }));
    await fireEvent.click(screen.getByTestId('versions-button'));
    expect((await screen.findByTestId('version-item')).textContent).toContain('101 字');
    await rerender(props({ saves: 4 }));
    await waitFor(() => expect(screen.getByTestId('version-item').textContent).toContain('102 字'));
    expect(backend.callsOf('list_versions'), 'once on opening, once for the new version').toHaveLength(2);
  });

  it('does not restore a version over typing that could not be stored', async () => {
    fakeBackend({ get_version: () => '旧版本的正文' });
    const onerror = vi.fn();
    const saveNow = vi.fn(() => Promise.reject({ code: 'store.disk_full', message: '磁盘已满 (disk full)' }));
    const { container } = render(EditorPane, props({ saveNow, onerror }));
    const before = viewIn(container).state.doc.toString();
    await fireEvent.click(screen.getByTestId('versions-button'));
    await fireEvent.click((await screen.findAllByTestId('version-item'))[1]);
    await screen.findByText('旧版本的正文');
    await fireEvent.click(screen.getByRole('button', { name: '恢复此版本' }));
    await waitFor(() => expect(onerror).toHaveBeenCalledTimes(1));
    expect(onerror.mock.calls[0][0], 'the backend’s coded error, passed on').toEqual({ code: 'store.disk_full', message: '磁盘已满 (disk full)' });
    expect(onerror.mock.calls[0][1]).toContain('暂不恢复');
    expect(viewIn(container).state.doc.toString(), 'the typed text stays in the editor').toBe(before);
    expect(screen.getAllByTestId('version-item').length, 'the list stays open to try again').toBe(3);
  });

  it('selects the next fill-in mark from the toolbar, and says when none is left', async () => {
    fakeBackend();
    const text = '示例县2024年报告\n全年收到行政复议申请【56件→？】。\n【本年度总体情况】';
    const { container } = render(EditorPane, props({ doc: draftDoc(sampleDraft({ text })) }));
    const view = viewIn(container);
    const selected = () => view.state.sliceDoc(view.state.selection.main.from, view.state.selection.main.to);
    await fireEvent.click(screen.getByTestId('next-mark-button'));
    expect(selected()).toBe('【56件→？】');
    await fireEvent.click(screen.getByTestId('next-mark-button'));
    expect(selected()).toBe('【本年度总体情况】');
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: '都已填好。' } });
    await fireEvent.click(screen.getByTestId('next-mark-button'));
    expect(screen.getByTestId('next-mark-button').textContent?.trim()).toBe('已无待填处');
  });
});

