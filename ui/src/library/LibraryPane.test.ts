import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC } from '../lib/api/testing';
import LibraryPane from './LibraryPane.svelte';
import { sampleOutline } from '../test/fixtures';

function props(overrides = {}) {
  return {
    report: null,
    error: null,
    onimported: vi.fn(),
    onfailed: vi.fn(),
    onjump: vi.fn(),
    ...overrides,
  };
}

describe('LibraryPane', () => {
  it('says what it will hold before anything is loaded', () => {
    render(LibraryPane, props());
    expect(screen.getByRole('heading', { name: '资料库' })).toBeTruthy();
    expect(
      screen.getByText(/拖到窗口上/),
      'a new user must learn that files can be dropped on the window',
    ).toBeTruthy();
  });

  it('imports the file picked in the dialog', async () => {
    mockIPC((cmd, args) => {
      if (cmd === 'plugin:dialog|open') return '/home/drafter/示例县2024年报告.txt';
      if (cmd === 'import_file') return sampleOutline({ path: (args as { path: string }).path });
      throw new Error(`unexpected command ${cmd}`);
    });
    const p = props();
    render(LibraryPane, p);
    await fireEvent.click(screen.getByRole('button', { name: '导入报告…' }));
    await waitFor(() => expect(p.onimported).toHaveBeenCalledOnce());
    expect(p.onimported.mock.calls[0][0].path, 'the picked path is what gets imported').toBe(
      '/home/drafter/示例县2024年报告.txt',
    );
    expect(p.onfailed).not.toHaveBeenCalled();
  });

  it('reports a failed import with its code', async () => {
    mockIPC((cmd) => {
      if (cmd === 'plugin:dialog|open') return '/tmp/空.txt';
      throw { code: 'import.empty', message: '文件为空 (the file is empty)' };
    });
    const p = props();
    render(LibraryPane, p);
    await fireEvent.click(screen.getByRole('button', { name: '导入报告…' }));
    await waitFor(() => expect(p.onfailed).toHaveBeenCalledWith({
      code: 'import.empty',
      message: '文件为空 (the file is empty)',
    }));
    expect(p.onimported, 'nothing is loaded from a failed import').not.toHaveBeenCalled();
  });

  it('shows the error it is given as an alert', () => {
    render(LibraryPane, props({ error: { code: 'import.io', message: '无法读取文件' } }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('无法读取文件');
    expect(alert.dataset.code, 'tests and styles key on the code').toBe('import.io');
  });

  it('lists the outline and jumps to a heading line on click', async () => {
    const p = props({ report: sampleOutline() });
    render(LibraryPane, p);
    await fireEvent.click(screen.getByRole('button', { name: /行政复议/ }));
    expect(p.onjump, 'a nested heading jumps to its own line').toHaveBeenCalledWith(6);
    expect(screen.getByRole('button', { name: /2025年工作安排/ })).toBeTruthy();
  });

  it('renders imported text as text, never as markup', () => {
    const report = sampleOutline({
      sections: [
        {
          number: '一、',
          heading: '<img src=x onerror=alert(1)>',
          level: 1,
          kind: 'other',
          kind_label: '其他',
          line: 1,
          end_line: 1,
          children: [],
        },
      ],
    });
    const { container } = render(LibraryPane, props({ report }));
    expect(container.querySelector('img'), 'imported text is data').toBeNull();
    expect(screen.getByText(/<img src=x/)).toBeTruthy();
  });
});
