import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ExportDialog from './ExportDialog.svelte';
import { fakeBackend } from '../test/backend';

function props() {
  return { text: vi.fn(() => '示例县2024年报告正文'), name: '示例县2024年度报告（草稿）', onclose: vi.fn() };
}

describe('ExportDialog', () => {
  it('asks where to save, exports the latest text and shows the path', async () => {
    const backend = fakeBackend({
      'plugin:dialog|save': () => '/home/d/导出/示例县2024年度报告',
      export_draft: (a) => ({ path: a.path, bytes: 20480 }),
    });
    const p = props();
    render(ExportDialog, p);
    await fireEvent.click(screen.getByRole('radio', { name: /网页/ }));
    await fireEvent.click(screen.getByTestId('export-confirm'));
    const result = await screen.findByTestId('export-result');
    expect(result.textContent).toContain('/home/d/导出/示例县2024年度报告.html');
    expect(result.textContent).toContain('20.0 KB');
    const dialog = backend.callsOf('plugin:dialog|save')[0].options as { defaultPath: string; filters: { extensions: string[] }[] };
    expect(dialog.defaultPath, 'the file name proposes the chosen format').toBe('示例县2024年度报告（草稿）.html');
    expect(dialog.filters[0].extensions).toEqual(['html']);
    expect(backend.callsOf('export_draft'), 'the extension decides the format, so it is added when missing').toEqual([
      { text: '示例县2024年报告正文', path: '/home/d/导出/示例县2024年度报告.html' },
    ]);
  });

  it('uses the end-to-end path instead of the dialog when one is set', async () => {
    const backend = fakeBackend({
      e2e_save_path: () => '/tmp/e2e/草稿.docx',
      export_draft: (a) => ({ path: a.path, bytes: 900 }),
    });
    render(ExportDialog, props());
    await fireEvent.click(screen.getByTestId('export-confirm'));
    expect((await screen.findByTestId('export-result')).textContent).toContain('/tmp/e2e/草稿.docx（900 字节）');
    expect(backend.callsOf('plugin:dialog|save'), 'no dialog in e2e runs').toEqual([]);
  });

  it('shows a failed export in Chinese and says the old file is untouched', async () => {
    fakeBackend({
      'plugin:dialog|save': () => '/只读/报告.docx',
      export_draft: () => {
        throw { code: 'draft.write', message: '无法写入文件 (cannot write the file)' };
      },
    });
    render(ExportDialog, props());
    await fireEvent.click(screen.getByTestId('export-confirm'));
    const banner = await screen.findByTestId('error-banner');
    expect(banner.textContent).toContain('导出失败，原有文件未改动');
    expect(banner.textContent).toContain('无法写入文件');
    expect(banner.querySelector('li')?.dataset.code).toBe('draft.write');
    expect(screen.queryByTestId('export-result')).toBeNull();
  });

  it('does nothing when the drafter cancels the save dialog', async () => {
    const backend = fakeBackend({ 'plugin:dialog|save': () => null });
    render(ExportDialog, props());
    await fireEvent.click(screen.getByTestId('export-confirm'));
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.callsOf('export_draft')).toEqual([]);
    expect(screen.queryByTestId('error-banner'), 'cancel is not an error').toBeNull();
  });

  it('takes the keyboard when it opens, and Esc closes it', async () => {
    fakeBackend();
    const p = props();
    render(ExportDialog, p);
    expect(document.activeElement, 'Enter exports right away').toBe(screen.getByTestId('export-confirm'));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(p.onclose).toHaveBeenCalledTimes(1);
  });
});

