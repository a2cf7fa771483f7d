import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import FigureTable from './FigureTable.svelte';
import type { FigureRow, FigureStatus } from '../lib/api';

function row(metric: string, status: FigureStatus, over: Partial<FigureRow> = {}): FigureRow {
  return {
    metric,
    last: '4件',
    this: '5件',
    change: null,
    status,
    linked: false,
    thisLine: 3,
    lastLine: 4,
    confidence: 0.5,
    ...over,
  };
}

describe('FigureTable', () => {
  it('tags every status the checker gives a row, in Chinese, and never shows an unpaired figure as new', () => {
    const rows = [
      row('甲', 'changed'),
      row('乙', 'unchanged'),
      row('丙', 'swing'),
      row('丁', 'new', { last: null }),
      row('戊', 'dropped', { this: null, thisLine: null }),
      row('己', 'possible'),
      row('庚', 'unpaired', { last: null, lastLine: null }),
      row('辛', 'not_comparable', { last: null, lastLine: null }),
      row('壬', 'changed', { linked: true }),
    ];
    render(FigureTable, { rows, onjump: vi.fn() });
    const trs = [...screen.getByTestId('figure-table').querySelectorAll('tbody tr')] as HTMLElement[];
    const tags = (tr: HTMLElement) => [...tr.querySelectorAll('.tag')].map((t) => t.textContent);
    expect(trs.map((tr) => [tr.dataset.status, tags(tr)])).toEqual([
      ['changed', []],
      ['unchanged', ['未变']],
      ['swing', ['大幅变化']],
      ['new', ['本年新增']],
      ['dropped', ['本年未报']],
      ['possible', ['待确认']],
      ['unpaired', ['未配对']],
      ['not_comparable', ['不可比']],
      ['changed', ['人工关联']],
    ]);
    const unpaired = trs[6];
    expect(unpaired.textContent, 'an unpaired figure is not new').not.toContain('新增');
    expect(unpaired.title).toContain('不是新增');
    for (const tr of trs) expect(tr.title, `${tr.dataset.status} has a Chinese title`).toMatch(/[\u4e00-\u9fff]/);
  });
});
