import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import ChecksPane from './ChecksPane.svelte';
import { sampleOutline } from '../test/fixtures';

describe('ChecksPane', () => {
  it('says what the checks will show before anything is loaded', () => {
    render(ChecksPane, { report: null });
    expect(screen.getByRole('heading', { name: '核对' })).toBeTruthy();
    expect(screen.getByText(/数据对照表/), 'the empty state names the figure table').toBeTruthy();
  });

  it('summarises the loaded report', () => {
    render(ChecksPane, { report: sampleOutline() });
    expect(screen.getByText(/共 9 行，识别出 3 个数据/)).toBeTruthy();
  });
});
