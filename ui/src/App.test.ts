import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { mockIPC, mockWindows } from './lib/api/testing';
import App from './App.svelte';
import { sampleOutline } from './test/fixtures';

function backend(startup: string[]) {
  mockWindows('main');
  mockIPC((cmd, args) => {
    if (cmd === 'startup_files') return startup;
    if (cmd === 'import_file') return sampleOutline({ path: (args as { path: string }).path });
    if (cmd.startsWith('plugin:event|')) return 1;
    throw new Error(`unexpected command ${cmd}`);
  });
}

describe('App', () => {
  it('shows the three panes in Chinese', () => {
    backend([]);
    const { container } = render(App);
    expect(screen.getByRole('heading', { name: '年报助手' })).toBeTruthy();
    const panes = [...container.querySelectorAll('[data-pane]')].map((p) => p.getAttribute('data-pane'));
    expect(panes, 'library | editor | checks, left to right').toEqual(['library', 'editor', 'checks']);
  });

  it('opens a file named on the command line and jumps from the outline to the editor', async () => {
    backend(['/home/drafter/示例县2024年报告.txt']);
    const { container } = render(App);
    const heading = await screen.findByRole('button', { name: /化解社会矛盾纠纷/ });
    await fireEvent.click(heading);
    await waitFor(() =>
      expect(
        container.querySelector('.cm-activeLine')?.textContent,
        'clicking a heading in the outline puts the editor on that heading',
      ).toBe('二、化解社会矛盾纠纷'),
    );
  });
});
