import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, Autosaver } from './autosave';
import type { SaveStatus } from './autosave';

function setup(save: (text: string) => Promise<unknown>) {
  const statuses: SaveStatus[] = [];
  const saver = new Autosaver(save, (s) => statuses.push(s), { delayMs: 700, retryMs: 2000 });
  return { saver, statuses };
}

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a pause in typing, under a second', async () => {
    const save = vi.fn(async () => undefined);
    const { saver, statuses } = setup(save);
    saver.changed('一');
    await vi.advanceTimersByTimeAsync(400);
    saver.changed('一二');
    await vi.advanceTimersByTimeAsync(400);
    expect(save, 'typing within the pause postpones the save').not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(save.mock.calls, 'one version with the latest text').toEqual([['一二']]);
    expect(statuses.at(-1)).toBe('saved');
    expect(AUTOSAVE_DELAY_MS, 'a crash loses at most the last second').toBeLessThanOrEqual(1000);
  });

  it('keeps the text after a failed save, says 未保存 and retries', async () => {
    let fail = true;
    const save = vi.fn(async (_text: string) => {
      if (fail) throw { code: 'store.disk_full', message: '磁盘已满' };
    });
    const { saver, statuses } = setup(save);
    saver.changed('第一稿');
    await vi.advanceTimersByTimeAsync(700);
    expect(statuses.at(-1), 'the drafter must see that the text is not stored').toBe('unsaved');
    expect(saver.dirty).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(save.mock.calls.map((c) => c[0]), 'the retry saves the same text').toEqual(['第一稿', '第一稿']);
    expect(statuses.at(-1)).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('saves text typed during a slow save right after it', async () => {
    const resolvers: (() => void)[] = [];
    const save = vi.fn((_text: string) => new Promise<void>((ok) => resolvers.push(ok)));
    const { saver, statuses } = setup(save);
    saver.changed('甲');
    await vi.advanceTimersByTimeAsync(700);
    saver.changed('甲乙');
    await vi.advanceTimersByTimeAsync(700);
    expect(save, 'no second save while the first is in flight').toHaveBeenCalledTimes(1);
    resolvers[0]();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1), 'still pending text: not 已保存 yet').toBe('saving');
    await vi.advanceTimersByTimeAsync(700);
    expect(save.mock.calls.map((c) => c[0])).toEqual(['甲', '甲乙']);
    resolvers[1]();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush saves pending text at once and reports failure to the caller', async () => {
    const save = vi.fn(async (text: string) => {
      if (text === '坏') throw new Error('disk');
    });
    const { saver } = setup(save);
    saver.changed('好');
    await saver.flush();
    expect(save.mock.calls, 'closing the window does not wait for the pause').toEqual([['好']]);
    saver.changed('坏');
    await expect(saver.flush()).rejects.toThrow('disk');
    expect(saver.dirty, 'unsaved text is kept for the retry').toBe(true);
    await saver.flush().catch(() => undefined);
    saver.stop();
  });

  it('flush with nothing typed saves nothing', async () => {
    const save = vi.fn(async () => undefined);
    const { saver } = setup(save);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
