// A search that matches more than the list shows says so (issue 19: "共找到 50 处" when 3,900
// paragraphs matched): the backend sends one result more than the 50 listed when more match.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import LibraryPane from './LibraryPane.svelte';
import { Library } from './library.svelte';
import { SAMPLE_SEARCH, fakeBackend } from '../test/backend';

async function search(count: number) {
  fakeBackend({ search_library: () => Array.from({ length: count }, (_, i) => ({ ...SAMPLE_SEARCH[0], line: i + 1 })) });
  const library = new Library();
  await library.load();
  render(LibraryPane, { library, openKey: null, onopenreport: vi.fn(), onopendraft: vi.fn(), onnewdraft: vi.fn(async () => undefined) });
  await fireEvent.input(screen.getByPlaceholderText(/搜索/), { target: { value: '行政复议' } });
  return screen.findByTestId('search-count', {}, { timeout: 3000 });
}

describe('search count', () => {
  it('says the cap when more than 50 match, and lists 50', async () => {
    const count = await search(51);
    expect(count.textContent).toContain('找到超过 50 处');
    expect(count.textContent).not.toContain('找到 51 处');
  });

  it('gives an exact count up to 50', async () => {
    const count = await search(50);
    expect(count.textContent).toContain('找到 50 处');
    expect(count.textContent).not.toContain('超过');
  });
});
