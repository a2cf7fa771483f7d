import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ChecksPane from './ChecksPane.svelte';
import { draftDoc } from '../editor/openDoc';
import { fakeBackend, sampleCheck, sampleDraft } from '../test/backend';
import type { FigureRef, FigureRow } from '../lib/api';
import { describeChoice, isUnlinked, percent, sharedWords, unlinkedNote } from './figureLinks';

const THIS: FigureRef = { metric: '未命名·场次', value: 510, unit: '场', clause: 'aa' };
const LAST: FigureRef = { metric: '法治宣传·讲座', value: 320, unit: '场', clause: 'bb' };
const UNPAIRED: FigureRow = {
  metric: '未命名·场次',
  last: null,
  this: '510场',
  change: '未配对',
  status: 'unpaired',
  linked: false,
  thisLine: 9,
  lastLine: null,
  confidence: 0,
  words: [],
  thisKey: THIS,
  lastKey: null,
  candidates: [
    { metric: '法治宣传·讲座', value: '320场', line: 12, excerpt: '举办法治讲座320场', confidence: 0.45, words: ['讲座'], key: LAST },
  ],
  unlinked: [],
};

describe('the figure table’s links in the checks pane', () => {
  it('keeps a 关联 for the draft’s text, last year’s report and year, then checks again', async () => {
    const backend = fakeBackend({ link_figures: () => 5 });
    const onrecheck = vi.fn();
    render(ChecksPane, {
      doc: draftDoc(sampleDraft({ lastReportId: 3, year: 2024 })),
      result: sampleCheck({ figures: [UNPAIRED] }),
      text: '示例市2024年……举办专题学法和法治讲座510场。',
      onselectline: vi.fn(),
      onjump: vi.fn(),
      onrecheck,
    });
    await fireEvent.click(screen.getByTestId('figure-adjust'));
    await fireEvent.click(within(screen.getByTestId('figure-candidate')).getByRole('button', { name: '关联' }));
    await waitFor(() => expect(onrecheck).toHaveBeenCalledTimes(1));
    expect(backend.callsOf('link_figures')).toEqual([
      {
        text: '示例市2024年……举办专题学法和法治讲座510场。',
        lastReportId: 3,
        year: 2024,
        action: 'same',
        this: THIS,
        last: LAST,
      },
    ]);
  });

  it('restores a pair the drafter took apart (恢复自动对照) for the draft’s scope, then checks again', async () => {
    const backend = fakeBackend({ forget_figure_links: () => 1 });
    const onrecheck = vi.fn();
    const apart: FigureRow = { ...UNPAIRED, candidates: [], unlinked: [{ ...UNPAIRED.candidates[0], confidence: null, words: [] }] };
    render(ChecksPane, {
      doc: draftDoc(sampleDraft({ lastReportId: 3, year: 2024 })),
      result: sampleCheck({ figures: [apart] }),
      text: '示例市2024年……举办专题学法和法治讲座510场。',
      onselectline: vi.fn(),
      onjump: vi.fn(),
      onrecheck,
    });
    expect(screen.getByTestId('figure-unlinked').textContent).toBe('已取消关联');
    await fireEvent.click(screen.getByRole('button', { name: '未命名·场次：恢复自动对照' }));
    await waitFor(() => expect(onrecheck).toHaveBeenCalledTimes(1));
    expect(backend.callsOf('forget_figure_links')).toEqual([
      { text: '示例市2024年……举办专题学法和法治讲座510场。', lastReportId: 3, year: 2024, this: THIS, last: null },
    ]);
    expect(unlinkedNote(apart)).toBe('您已取消它与上年第12行 320场的关联');
    expect(isUnlinked(apart)).toBe(true);
    expect(isUnlinked({ ...apart, status: 'not_comparable' }), '不可比 says so itself').toBe(false);
    expect(isUnlinked({ ...apart, unlinked: [] })).toBe(false);
  });

  it('is read-only without last year’s report (nothing to link to)', () => {
    fakeBackend();
    render(ChecksPane, {
      doc: draftDoc(sampleDraft({ lastReportId: null })),
      result: sampleCheck({ figures: [UNPAIRED] }),
      onselectline: vi.fn(),
      onjump: vi.fn(),
      onrecheck: vi.fn(),
    });
    expect(screen.queryByTestId('figure-adjust')).toBeNull();
  });

  it('asks for last year’s figures once per draft when searching', async () => {
    const backend = fakeBackend({
      report_figures: () => [{ metric: '法治宣传·讲座', value: '320场', line: 12, excerpt: '举办法治讲座320场', confidence: null, words: [], key: LAST }],
    });
    render(ChecksPane, {
      doc: draftDoc(sampleDraft({ lastReportId: 3 })),
      result: sampleCheck({ figures: [UNPAIRED, { ...UNPAIRED, thisLine: 10, this: '12场', thisKey: { ...THIS, value: 12 } }] }),
      onselectline: vi.fn(),
      onjump: vi.fn(),
      onrecheck: vi.fn(),
    });
    const [first, second] = screen.getAllByTestId('figure-adjust');
    await fireEvent.click(first);
    await fireEvent.input(screen.getByTestId('figure-search'), { target: { value: '讲座' } });
    expect(await screen.findByTestId('figure-search-result')).toBeTruthy();
    await fireEvent.click(second);
    expect(backend.callsOf('report_figures')).toEqual([{ reportId: 3 }]);
  });

  it('words a candidate for the drafter', () => {
    expect(percent(0.456)).toBe('46%');
    expect(describeChoice(UNPAIRED.candidates[0])).toBe('第12行 320场（把握 45%，共同词：讲座）');
    expect(describeChoice({ ...UNPAIRED.candidates[0], confidence: null, words: [] })).toBe('第12行 320场');
  });

  it('keeps the shared words short: a metric name as 指标同名, at most three words', () => {
    expect(sharedWords(['讲座', '培训'])).toBe('讲座、培训');
    expect(sharedWords(['参考', '任前法律知识考试', '任前法律知识考试·人数'])).toBe('指标同名；参考、任前法律知识考试');
    expect(sharedWords(['甲', '乙', '丙', '丁', '戊'])).toBe('甲、乙、丙等5个');
    expect(sharedWords(['行政复议·收到'])).toBe('指标同名');
  });
});
