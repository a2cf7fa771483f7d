import { describe, expect, it } from 'vitest';
import type { OutlineSection } from '../lib/api';
import { partAt } from './partAt';

function section(over: Partial<OutlineSection> & { line: number; end_line: number }): OutlineSection {
  return { number: '', heading: '', level: 1, kind: 'other', kind_label: '其他', children: [], ...over };
}

const OUTLINE: OutlineSection[] = [
  section({
    line: 3,
    end_line: 20,
    kind: 'enforcement',
    kind_label: '严格执法',
    children: [
      section({ line: 4, end_line: 9, level: 2, kind: 'other', kind_label: '其他' }),
      section({ line: 10, end_line: 20, level: 2, kind: 'disputes', kind_label: '化解矛盾纠纷' }),
    ],
  }),
  section({ line: 21, end_line: 30, kind: 'next_year', kind_label: '下一年度安排' }),
];

describe('partAt', () => {
  it('is the innermost heading of a known kind around the line', () => {
    expect(partAt(OUTLINE, 12)).toEqual({ part: 'disputes', label: '化解矛盾纠纷' });
    expect(partAt(OUTLINE, 25)).toEqual({ part: 'next_year', label: '下一年度安排' });
  });

  it('takes the parent part under a sub-heading of no standard kind', () => {
    expect(partAt(OUTLINE, 5)).toEqual({ part: 'enforcement', label: '严格执法' });
  });

  it('is null before the first heading', () => {
    expect(partAt(OUTLINE, 1)).toBeNull();
    expect(partAt([], 1)).toBeNull();
  });
});
