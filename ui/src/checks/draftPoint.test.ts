import { describe, expect, it } from 'vitest';
import { draftPoint } from './draftPoint';
import type { FigureRow } from '../lib/api';

const row = (metric: string, value: string | null): FigureRow => ({
  metric,
  last: '100件',
  this: value,
  change: null,
  status: 'changed',
  linked: false,
  thisLine: 3,
  lastLine: 4,
  confidence: 1,
  words: [],
  thisKey: null,
  lastKey: null,
  candidates: [],
  unlinked: [],
});

describe('draftPoint', () => {
  it('reads this year’s value of the chosen metric, with 万 scaling', () => {
    expect(draftPoint('人民调解·受理', 2024, [row('行政复议·受理', '368件'), row('人民调解·受理', '5410件')])).toEqual({
      year: 2024,
      value: 5410,
      unit: '件',
      raw: '5410件',
      draft: true,
    });
    expect(draftPoint('公开信息', 2024, [row('公开信息', '2.6万条')])?.value).toBe(26000);
  });

  it('gives nothing when the draft has no value for it', () => {
    expect(draftPoint('法律援助·案件', 2024, [row('法律援助·案件', null)])).toBeNull();
    expect(draftPoint('法律援助·案件', 2024, [])).toBeNull();
    expect(draftPoint('法律援助·案件', 2024, [row('法律援助·案件', '【1935件→？】')])).toBeNull();
  });
});
