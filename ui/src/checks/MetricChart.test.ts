import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import MetricChart from './MetricChart.svelte';
import { fakeBackend } from '../test/backend';

type Point = { year: number; value: number; unit: string; raw: string };
const point = (metric: string, p: Point, line: number, linked = false) => ({
  ...p,
  metric,
  line,
  excerpt: `全年示例${metric}${p.raw}。`,
  confidence: p.year === 2021 || (metric === '专题学法次数' && p.year === 2022) ? null : 0.8,
  linked,
});
const HISTORY: Record<string, ReturnType<typeof point>[]> = {
  行政复议收到件数: [
    point('行政复议收到件数', { year: 2023, value: 56, unit: '件', raw: '56件' }, 7),
    point('行政复议收到件数', { year: 2021, value: 28, unit: '件', raw: '28件' }, 9),
    point('复议申请', { year: 2022, value: 42, unit: '件', raw: '42件' }, 8, true),
  ],
  专题学法次数: [
    point('专题学法次数', { year: 2022, value: 4, unit: '次', raw: '4次' }, 4),
    point('专题学法次数', { year: 2023, value: 2, unit: '次', raw: '2次' }, 5),
  ],
};
const entry = (metric: string, older: string[] = []) => ({ metric, older, years: [2021, 2022, 2023] });
const ENTRIES = [entry('行政复议收到件数', ['复议申请']), entry('专题学法次数')];

describe('MetricChart', () => {
  it('adds the open draft’s value as this year’s bar, marked 本稿', async () => {
    fakeBackend({
      chained_metrics: () => ENTRIES,
      metric_chain: (a) => HISTORY[a.metric as string],
    });
    const draft = {
      year: 2024,
      figures: [
        { metric: '行政复议收到件数', last: '56件', this: '84件', change: null, status: 'changed' as const, linked: false, thisLine: 5, lastLine: 6, confidence: 1, words: [], thisKey: null, lastKey: null, candidates: [], unlinked: [] },
      ],
    };
    const { container } = render(MetricChart, { government: '示例县人民政府', draft });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(4));
    const last = container.querySelector('g[data-year="2024"]')!;
    expect(last.classList.contains('draft')).toBe(true);
    expect(last.querySelector('title')?.textContent).toBe('2024年：84件（本稿）');
    expect(Number(last.querySelector('rect')!.getAttribute('height'))).toBeGreaterThan(
      Number(container.querySelector('g[data-year="2023"] rect')!.getAttribute('height')),
    );
  });

  it('draws one bar per year, oldest left, heights proportional to the values', async () => {
    const backend = fakeBackend({
      chained_metrics: () => ENTRIES,
      metric_chain: (a) => HISTORY[a.metric as string],
    });
    const { container } = render(MetricChart, { government: '示例县人民政府' });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(3));
    const chart = screen.getByTestId('metric-chart');
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const bars = [...container.querySelectorAll('g[data-year]')].map((g) => ({
      year: g.getAttribute('data-year'),
      height: Number(g.querySelector('rect')!.getAttribute('height')),
    }));
    expect(bars.map((b) => b.year)).toEqual(['2021', '2022', '2023']);
    expect(bars[0].height / bars[2].height, '28 is half of 56').toBeCloseTo(0.5);
    expect(bars[1].height / bars[2].height).toBeCloseTo(0.75);
    expect(backend.callsOf('chained_metrics')).toEqual([{ government: '示例县人民政府' }]);

    await fireEvent.change(screen.getByRole('combobox', { name: '选择指标' }), { target: { value: '专题学法次数' } });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(2));
    expect(chart.getAttribute('aria-label')).toBe('专题学法次数历年数值');
    expect(container.querySelector('g[data-year="2023"] title')?.textContent).toBe('2023年：2次\n第5行：全年示例专题学法次数2次。');
  });

  it('explains an empty history', async () => {
    fakeBackend({ chained_metrics: () => [] });
    render(MetricChart, { government: '示例县人民政府' });
    expect(await screen.findByText(/还没有可比较的历年数据/)).toBeTruthy();
  });

  it('keeps the picker when one metric’s history cannot be read, and draws the next one', async () => {
    fakeBackend({
      chained_metrics: () => ENTRIES,
      metric_chain: (a) => {
        if (a.metric === '行政复议收到件数') throw { code: 'store.sqlite', message: '资料库读取失败 (read failed)' };
        return HISTORY[a.metric as string];
      },
    });
    const { container } = render(MetricChart, { government: '示例县人民政府' });
    const message = await screen.findByText(/历年数据无法读取/);
    expect(message.textContent).toContain('资料库读取失败');
    expect(message.dataset.code).toBe('store.sqlite');
    expect(screen.queryByTestId('metric-chart')).toBeNull();
    await fireEvent.change(screen.getByRole('combobox', { name: '选择指标' }), { target: { value: '专题学法次数' } });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(2));
    expect(screen.queryByText(/历年数据无法读取/), 'the error went with the metric').toBeNull();
  });

  it('lists the line each year was read from, chained through a reworded year and a drafter’s link', async () => {
    const backend = fakeBackend({
      chained_metrics: () => ENTRIES,
      metric_chain: (a) => HISTORY[a.metric as string],
    });
    render(MetricChart, { government: '示例市' });
    const sources = await screen.findByTestId('metric-sources');
    const items = [...sources.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toEqual([
      '2021年 28件 第9行：全年示例行政复议收到件数28件。',
      '2022年 42件 第8行：全年示例复议申请42件。（人工关联）',
      '2023年 56件 第7行：全年示例行政复议收到件数56件。',
    ]);
    expect(backend.callsOf('metric_chain')).toEqual([{ government: '示例市', metric: '行政复议收到件数' }]);
    expect(backend.callsOf('metric_history'), 'the chained history, not the by-name one').toEqual([]);
  });

  it('names a year’s own wording when the chain reached it through the alignment', async () => {
    const reworded = [
      point('法治讲座', { year: 2022, value: 320, unit: '场', raw: '320场' }, 11),
      point('专题学法和法治讲座', { year: 2023, value: 510, unit: '场', raw: '510场' }, 12),
      point('法治讲座', { year: 2024, value: 530, unit: '场', raw: '530场' }, 13),
    ];
    fakeBackend({ chained_metrics: () => [entry('法治讲座', ['专题学法和法治讲座'])], metric_chain: () => reworded });
    const { container } = render(MetricChart, { government: '示例市' });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(3));
    const items = [...screen.getByTestId('metric-sources').querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[1]).toContain('（当年称“专题学法和法治讲座”）');
    expect(items[2]).not.toContain('当年称');
  });

  it('offers a renamed metric once, by its newest name with its former names (曾称)', async () => {
    const backend = fakeBackend({
      chained_metrics: () => ENTRIES,
      metric_chain: (a) => HISTORY[a.metric as string],
    });
    const { container } = render(MetricChart, { government: '示例市', prefer: { metric: '复议申请', seq: 1 } });
    await waitFor(() => expect(container.querySelectorAll('rect')).toHaveLength(3));
    const options = [...screen.getByRole('combobox', { name: '选择指标' }).querySelectorAll('option')];
    expect(options.map((o) => o.textContent)).toEqual(['行政复议收到件数（曾称：复议申请）', '专题学法次数']);
    expect(options.map((o) => o.value)).toEqual(['行政复议收到件数', '专题学法次数']);
    // A row of the former name asks for the chain's entry: its history is drawn by the newest name.
    expect((screen.getByRole('combobox', { name: '选择指标' }) as HTMLSelectElement).value).toBe('行政复议收到件数');
    expect(backend.callsOf('metric_chain')).toEqual([{ government: '示例市', metric: '行政复议收到件数' }]);
    expect(backend.callsOf('list_metrics'), 'not the names of each year').toEqual([]);
  });
});
