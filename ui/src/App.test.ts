import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { mockIPC, mockWindows } from './lib/api/testing';
import App from './App.svelte';

describe('App', () => {
  it('shows the three panes in Chinese', () => {
    mockWindows('main');
    mockIPC(() => 1);
    const { container } = render(App);
    expect(screen.getByRole('heading', { name: '年报助手' })).toBeTruthy();
    const panes = [...container.querySelectorAll('[data-pane]')].map((p) => p.getAttribute('data-pane'));
    expect(panes, 'library | editor | checks, left to right').toEqual(['library', 'editor', 'checks']);
  });
});
