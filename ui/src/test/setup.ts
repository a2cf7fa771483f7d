// Every component test starts without Tauri mocks left over from the previous one. jsdom has no
// layout, so the geometry CodeMirror measures is stubbed to empty boxes.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '../lib/api/testing';

const emptyRects = (): DOMRectList => {
  const list: DOMRect[] = [];
  return Object.assign(list, { item: (i: number) => list[i] ?? null }) as unknown as DOMRectList;
};
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);

afterEach(() => {
  cleanup();
  clearMocks();
});
