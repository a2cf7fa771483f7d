import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { EditorView } from '@codemirror/view';
import { emit } from './lib/api/testing';
import App from './App.svelte';
import { REPORT_2023, fakeBackend, sampleCheck, sampleDraft, sampleOverview } from './test/backend';
import { sampleOutline } from './test/fixtures';
import type { CheckResult } from './lib/api';

function editorView(container: HTMLElement): EditorView {
  const root = container.querySelector<HTMLElement>('[data-testid="editor"]');
  const view = root && EditorView.findFromDOM(root);
  if (!view) throw new Error('no editor yet');
  return view;
}

async function openedDraft(container: HTMLElement): Promise<EditorView> {
  await waitFor(() => expect(container.querySelector('[data-testid="editor"]')).toBeTruthy());
  return editorView(container);
}

function type(view: EditorView, text: string) {
  view.dispatch({ changes: { from: view.state.doc.length, insert: text } });
}

describe('App', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the three panes in Chinese', () => {
    fakeBackend();
    const { container } = render(App);
    expect(screen.getByRole('heading', { name: '年报助手' })).toBeTruthy();
    const panes = [...container.querySelectorAll('[data-pane]')].map((p) => p.getAttribute('testid') ?? p.getAttribute('data-testid'));
    expect(panes, 'library | editor | checks, left to right').toEqual(['library-pane', 'editor-pane', 'checks-pane']);
  });

  it('opens the sample draft on a first start, with its checks', async () => {
    const backend = fakeBackend({ library_overview: () => sampleOverview({ seeded: true }) });
    const { container } = render(App);
    const view = await openedDraft(container);
    expect(view.state.doc.toString()).toBe(sampleDraft().text);
    expect(backend.callsOf('open_draft')).toEqual([{ draftId: 7 }]);
    await screen.findByTestId('figure-table');
    expect(backend.callsOf('check_draft')[0], 'checked against the report it follows').toEqual({
      text: sampleDraft().text,
      lastReportId: 1,
      year: 2024,
    });
    expect(screen.getAllByTestId('outline-item').length, 'the draft’s outline comes from the check').toBe(4);
    expect(backend.callsOf('save_draft'), 'opening is not an edit').toEqual([]);
  });

  it('does not open anything by itself on a later start', async () => {
    const backend = fakeBackend();
    render(App);
    await screen.findAllByTestId('report-item');
    expect(backend.callsOf('open_draft')).toEqual([]);
  });

  it('autosaves after a pause in typing and shows the status', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    fakeBackend({
      save_draft: (a) => {
        saved.push(a.text as string);
        return { versionId: saved.length, savedAt: 0 };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    const status = screen.getByTestId('save-status');
    expect(status.textContent?.trim()).toBe('已保存');
    type(view, '甲');
    await vi.advanceTimersByTimeAsync(300);
    type(view, '乙');
    await vi.advanceTimersByTimeAsync(0);
    expect(status.textContent?.trim()).toBe('正在保存…');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved, 'one version after the pause, with all the typing').toEqual([sampleDraft().text + '甲乙']);
    expect(status.textContent?.trim()).toBe('已保存');
  });

  it('keeps unsaved typing, says 未保存 and saves it on retry', async () => {
    vi.useFakeTimers();
    let down = true;
    const saved: string[] = [];
    fakeBackend({
      save_draft: (a) => {
        if (down) throw { code: 'store.busy', message: '资料库正忙 (database is busy)' };
        saved.push(a.text as string);
        return { versionId: 1, savedAt: 0 };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '新写的一句。');
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('未保存');
    down = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved).toEqual([sampleDraft().text + '新写的一句。']);
    expect(screen.getByTestId('save-status').textContent?.trim()).toBe('已保存');
  });

  it('re-checks while typing and never shows an answer about older text', async () => {
    vi.useFakeTimers();
    const answers: ((r: CheckResult) => void)[] = [];
    const backend = fakeBackend({ check_draft: () => new Promise((ok) => answers.push(ok)) });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    answers[0](sampleCheck());
    await vi.advanceTimersByTimeAsync(0);
    type(view, '一');
    await vi.advanceTimersByTimeAsync(600);
    type(view, '二');
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.callsOf('check_draft')).toHaveLength(3);
    const older = sampleCheck({ findings: [{ code: 'arith.rate', severity: 'error', line: 1, message: '旧', excerpt: null, detail: null, matched: null, column: null, suggestion: null, key: 'sample-1' }] });
    const newer = sampleCheck({ findings: [{ code: 'plan.unreported', severity: 'info', line: 2, message: '新', excerpt: null, detail: null, matched: null, column: null, suggestion: null, key: 'sample-2' }] });
    answers[2](newer);
    await vi.advanceTimersByTimeAsync(0);
    answers[1](older);
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getAllByTestId('finding').map((f) => f.dataset.code), 'the late answer is dropped').toEqual(['plan.unreported']);
  });

  it('selects a finding’s line in the editor', async () => {
    fakeBackend();
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    const finding = (await screen.findAllByTestId('finding')).find((f) => f.dataset.code === 'arith.order')!;
    await fireEvent.click(finding);
    const sel = view.state.selection.main;
    expect(view.state.sliceDoc(sel.from, sel.to)).toBe('全年收到行政复议申请56件，受理51件。');
  });

  it('saves pending typing when the window is closed', async () => {
    const saved: string[] = [];
    const backend = fakeBackend({
      save_draft: (a) => {
        saved.push(a.text as string);
        return { versionId: 1, savedAt: 0 };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '最后一句');
    await emit('tauri://close-requested');
    await waitFor(() => expect(backend.callsOf('plugin:window|destroy')).toHaveLength(1));
    expect(saved, 'saved before the window goes, without waiting for the pause').toEqual([sampleDraft().text + '最后一句']);
  });

  it('creates a draft from a report and opens it', async () => {
    const backend = fakeBackend();
    const { container } = render(App);
    await fireEvent.click((await screen.findAllByTestId('new-draft-button'))[0]);
    await fireEvent.click(screen.getByRole('button', { name: '开始起草' }));
    await waitFor(() => expect(backend.callsOf('new_draft')).toEqual([{ reportId: REPORT_2023.id, year: 2024 }]));
    await openedDraft(container);
    expect(screen.getByText('2024年草稿')).toBeTruthy();
  });

  it('imports files named on the command line and opens the first', async () => {
    const backend = fakeBackend({
      startup_files: () => ['/home/d/示例县2023年报告.txt'],
      import_report: () => ({ report: REPORT_2023, alreadyPresent: false }),
      open_report: () => sampleOutline({ text: '示例县2023年报告\n正文' }),
    });
    const { container } = render(App);
    await waitFor(() => expect(backend.callsOf('open_report')).toEqual([{ reportId: 1 }]));
    const view = await openedDraft(container);
    expect(view.state.doc.toString()).toBe('示例县2023年报告\n正文');
    expect(view.state.readOnly).toBe(true);
  });

  it('shows an error banner when a draft cannot be opened', async () => {
    fakeBackend({
      open_draft: () => {
        throw { code: 'store.not_found', message: '找不到该稿件 (no such draft)' };
      },
    });
    render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('草稿无法打开');
    expect(banner.textContent).toContain('找不到该稿件');
  });

  it('saves at once on Ctrl+S', async () => {
    const backend = fakeBackend();
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '补一句');
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(backend.callsOf('save_draft')).toEqual([{ draftId: 7, text: sampleDraft().text + '补一句' }]));
  });

  it('keeps the window open once when the last typing cannot be saved', async () => {
    const backend = fakeBackend({
      save_draft: () => {
        throw { code: 'store.disk_full', message: '磁盘已满 (disk full)' };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '没存上的一句');
    await emit('tauri://close-requested');
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('窗口暂未关闭');
    expect(banner.textContent).toContain('磁盘已满');
    expect(backend.callsOf('plugin:window|destroy'), 'the text would be lost: stay open').toEqual([]);
    await emit('tauri://close-requested');
    await waitFor(() => expect(backend.callsOf('plugin:window|destroy'), 'closing again closes').toHaveLength(1));
  });

  it('imports files dropped on the window, with a hint while they hover', async () => {
    const backend = fakeBackend({ import_report: () => ({ report: REPORT_2023, alreadyPresent: false }) });
    render(App);
    await screen.findAllByTestId('report-item');
    await emit('tauri://drag-enter', { paths: ['/home/d/甲.txt'], position: { x: 10, y: 10 } });
    expect(await screen.findByText(/松开鼠标即可把文件导入资料库/)).toBeTruthy();
    await emit('tauri://drag-drop', { paths: ['/home/d/甲.txt', '/home/d/乙.docx'], position: { x: 10, y: 10 } });
    await waitFor(() =>
      expect(backend.callsOf('import_report').map((a) => a.path)).toEqual(['/home/d/甲.txt', '/home/d/乙.docx']),
    );
    expect(screen.queryByText(/松开鼠标即可/), 'the hint goes with the drop').toBeNull();
    expect(backend.callsOf('open_report'), 'two files: they wait in the library').toEqual([]);
  });

  it('opens the one report dropped on the window, but never pulls the drafter out of a draft', async () => {
    const backend = fakeBackend({ import_report: () => ({ report: REPORT_2023, alreadyPresent: false }) });
    const { container } = render(App);
    await screen.findAllByTestId('report-item');
    await emit('tauri://drag-enter', { paths: ['/home/d/甲.txt'], position: { x: 10, y: 10 } });
    await screen.findByText(/松开鼠标即可/);
    await emit('tauri://drag-drop', { paths: ['/home/d/甲.txt'], position: { x: 10, y: 10 } });
    await waitFor(() => expect(backend.callsOf('open_report')).toEqual([{ reportId: REPORT_2023.id }]));
    expect((await openedDraft(container)).state.readOnly, 'shown read-only').toBe(true);

    await fireEvent.click(screen.getByTestId('draft-item'));
    await waitFor(() => expect(backend.callsOf('open_draft')).toHaveLength(1));
    await emit('tauri://drag-drop', { paths: ['/home/d/乙.txt'], position: { x: 10, y: 10 } });
    await waitFor(() => expect(backend.callsOf('import_report')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.callsOf('open_report'), 'the draft stays open').toHaveLength(1);
  });

  it('opens a search hit’s report read-only at the hit’s line', async () => {
    const backend = fakeBackend();
    const { container } = render(App);
    await screen.findAllByTestId('report-item');
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: '行政复议' } });
    await fireEvent.click(await screen.findByTestId('search-result'));
    await waitFor(() => expect(backend.callsOf('open_report')).toEqual([{ reportId: 1 }]));
    await waitFor(() => expect(container.querySelector('.cm-activeLine')?.textContent).toBe('全年收到行政复议申请56件，受理51件。'));
  });

  it('shows the draft’s new save time in the library', async () => {
    vi.useFakeTimers();
    fakeBackend({ save_draft: () => ({ versionId: 2, savedAt: new Date(2025, 2, 3, 14, 5).getTime() }) });
    const { container } = render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '。');
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByTestId('draft-item').textContent).toContain('修改于 3月3日 14:05');
  });

  it('stores typing not yet saved before restoring a version, then the restored text at once', async () => {
    const saved: string[] = [];
    fakeBackend({
      get_version: () => '第一稿的正文',
      save_draft: (a) => {
        saved.push(a.text as string);
        return { versionId: 50 + saved.length, savedAt: 0 };
      },
    });
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    type(view, '刚打的字');
    await fireEvent.click(screen.getByTestId('versions-button'));
    await fireEvent.click((await screen.findAllByTestId('version-item'))[2]);
    await screen.findByText('第一稿的正文');
    await fireEvent.click(screen.getByRole('button', { name: '恢复此版本' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved, 'the typing is a version of its own, then the restored text, without waiting for a pause').toEqual([
      sampleDraft().text + '刚打的字',
      '第一稿的正文',
    ]);
    expect(view.state.doc.toString()).toBe('第一稿的正文');
    await waitFor(() => expect(screen.getByTestId('save-status').textContent?.trim()).toBe('已保存'));
  });

  it('keeps its place when the open draft is clicked again', async () => {
    const backend = fakeBackend();
    const { container } = render(App);
    await fireEvent.click(await screen.findByTestId('draft-item'));
    const view = await openedDraft(container);
    view.dispatch({ selection: { anchor: view.state.doc.line(5).from } });
    await fireEvent.click(screen.getByTestId('draft-item'));
    await waitFor(() => expect(backend.callsOf('open_draft')).toHaveLength(1));
    expect(view.state.doc.lineAt(view.state.selection.main.head).number, 'the cursor did not jump back to the top').toBe(5);
  });

  it('drops a pending re-check of the draft when a report is opened', async () => {
    vi.useFakeTimers();
    const backend = fakeBackend();
    const { container } = render(App);
    await vi.advanceTimersByTimeAsync(0);
    await fireEvent.click(screen.getByTestId('draft-item'));
    const view = await openedDraft(container);
    await vi.advanceTimersByTimeAsync(0);
    type(view, '又一句');
    await fireEvent.click(screen.getAllByTestId('report-item')[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(view.state.readOnly, 'the report is open').toBe(true);
    await vi.advanceTimersByTimeAsync(2000);
    expect(backend.callsOf('check_draft'), 'only the check made when the draft opened').toHaveLength(1);
    expect(screen.queryByText('正在核对…')).toBeNull();
  });
});
