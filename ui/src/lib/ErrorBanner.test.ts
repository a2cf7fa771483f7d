import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ErrorBanner from './ErrorBanner.svelte';

describe('ErrorBanner', () => {
  it('names the file, says the reason in Chinese, and keeps the technical detail behind 详情', () => {
    render(ErrorBanner, {
      items: [
        {
          subject: '坏.docx',
          error: {
            code: 'import.corrupt_zip',
            message: 'Word 文档已损坏或不完整。请用 Word 或 WPS 打开它，另存为 .docx 后再导入。',
            detail: '压缩包已损坏或不完整 (the zip archive is damaged or truncated): corrupt deflate stream',
          },
        },
      ],
    });
    const item = screen.getByRole('alert').querySelector('li');
    expect(item?.dataset.code).toBe('import.corrupt_zip');
    expect(item?.textContent).toContain('坏.docx');
    expect(item?.textContent).toContain('另存为 .docx');
    const details = item?.querySelector('details');
    expect(details, 'the detail is folded away').not.toBeNull();
    expect(details?.open, 'closed until asked for').toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('详情');
    expect(details?.textContent).toContain('corrupt deflate stream');
  });

  it('shows no 详情 when there is no detail, and dismisses', async () => {
    const ondismiss = vi.fn();
    render(ErrorBanner, { items: [{ error: { code: 'store.disk_full', message: '磁盘已满' } }], ondismiss });
    expect(screen.getByRole('alert').querySelector('details')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(ondismiss).toHaveBeenCalledOnce();
  });

  it('renders nothing without items', () => {
    render(ErrorBanner, { items: [] });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
