import { describe, expect, it } from 'vitest';
import { diffMarkupParts } from './diffMarkup';

describe('diffMarkupParts', () => {
  it('turns [-…-]{+…+} into removed and added parts, keeping every character', () => {
    const message = '改动仅有：…受理[-113件-]{+128件+}，[-登记-]{+调查+}。';
    const parts = diffMarkupParts(message);
    expect(parts).toEqual([
      { text: '改动仅有：…受理', op: 'same' },
      { text: '113件', op: 'removed' },
      { text: '128件', op: 'added' },
      { text: '，', op: 'same' },
      { text: '登记', op: 'removed' },
      { text: '调查', op: 'added' },
      { text: '。', op: 'same' },
    ]);
  });

  it('leaves a message without changes whole, markup-looking text included', () => {
    expect(diffMarkupParts('<img src=x onerror=alert(1)> 与上年相同')).toEqual([
      { text: '<img src=x onerror=alert(1)> 与上年相同', op: 'same' },
    ]);
    expect(diffMarkupParts('')).toEqual([]);
  });
});
