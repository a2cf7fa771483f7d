import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import FigureTable from './FigureTable.svelte';
import type { FigureChoice, FigureRef, FigureRow, FigureStatus } from '../lib/api';
import type { FigureLinker } from './figureLinks';
import { searchFigures, why } from './figureLinks';

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
    words: [],
    thisKey: null,
    lastKey: null,
    candidates: [],
    unlinked: [],
    ...over,
  };
}

const ref = (metric: string, value: number, clause: string): FigureRef => ({ metric, value, unit: '场', clause });
const THIS = ref('未命名·场次', 510, 'aa01');
const choice = (value: number, line: number, excerpt: string, confidence: number | null, words: string[]): FigureChoice => ({
  metric: excerpt.includes('复议') ? '行政复议·办理' : excerpt.includes('讲座') ? '法治宣传·讲座' : '未命名·场次',
  value: `${value}场`,
  line,
  excerpt,
  confidence,
  words,
  key: ref('法治宣传', value, `c${line}`),
});
const LAST_YEAR: FigureChoice[] = [
  choice(320, 12, '举办机关干部法治讲座320场', null, []),
  choice(41, 7, '办理行政复议案件41件', null, []),
  choice(15, 20, '开展送法下乡活动15场', null, []),
];

function fakeLinker(fail = false) {
  const linker = {
    link: vi.fn(async () => {
      if (fail) throw { code: 'app.no_link_scope', message: '上年报告没有写明地区或年份' };
    }),
    forget: vi.fn(async () => undefined),
    lastFigures: vi.fn(async () => LAST_YEAR),
  } satisfies FigureLinker;
  return linker;
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

  it('says per pair why it is paired: 把握 and the words both clauses share', () => {
    const rows = [
      row('法治宣传·讲座', 'changed', { confidence: 0.82, words: ['讲座', '培训'] }),
      row('甲', 'changed', { linked: true, confidence: 1 }),
    ];
    render(FigureTable, { rows, onjump: vi.fn() });
    const whys = screen.getAllByTestId('figure-why').map((e) => e.textContent);
    expect(whys).toEqual(['把握 82%，共同词：讲座、培训']);
    expect(why(rows[1])).toBe('人工关联');
    expect(why(row('乙', 'new', { last: null })), 'one side only: nothing to say').toBe('');
    expect(screen.queryByTestId('figure-adjust'), 'no linker: read-only').toBeNull();
  });

  it('offers an unpaired row last year’s top candidates and links the one picked', async () => {
    const linker = fakeLinker();
    const onjump = vi.fn();
    const unpaired = row('未命名·场次', 'unpaired', {
      this: '510场',
      last: null,
      lastLine: null,
      thisKey: THIS,
      candidates: [choice(320, 12, '举办机关干部法治讲座320场', 0.45, ['讲座']), choice(15, 20, '开展送法下乡活动15场', 0.3, [])],
    });
    render(FigureTable, { rows: [unpaired], onjump, linker });
    const adjust = screen.getByTestId('figure-adjust');
    expect(adjust.textContent).toBe('关联…');
    await fireEvent.click(adjust);
    expect(onjump, 'opening the panel does not jump').not.toHaveBeenCalled();
    const candidates = screen.getAllByTestId('figure-candidate');
    expect(candidates.map((c) => c.querySelector('.choice')!.firstChild!.textContent)).toEqual([
      '第12行 320场（把握 45%，共同词：讲座）',
      '第20行 15场（把握 30%）',
    ]);
    expect(candidates[0].textContent).toContain('举办机关干部法治讲座320场');
    await fireEvent.click(within(candidates[0]).getByRole('button', { name: '关联' }));
    expect(linker.link).toHaveBeenCalledWith('same', { this: THIS, last: LAST_YEAR[0].key });
    await waitFor(() => expect(screen.queryByTestId('figure-link-panel'), 'closed once kept').toBeNull());
  });

  it('finds any figure of last year by searching, and marks a figure 不可比', async () => {
    const linker = fakeLinker();
    const unpaired = row('未命名·场次', 'unpaired', { last: null, lastLine: null, thisKey: THIS });
    render(FigureTable, { rows: [unpaired], onjump: vi.fn(), linker });
    await fireEvent.click(screen.getByTestId('figure-adjust'));
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('没有找到上年可能对应的数据');
    await waitFor(() => expect(linker.lastFigures).toHaveBeenCalledTimes(1));
    await fireEvent.input(screen.getByTestId('figure-search'), { target: { value: '讲座' } });
    const found = await screen.findAllByTestId('figure-search-result');
    expect(found).toHaveLength(1);
    expect(found[0].textContent).toContain('第12行 320场');
    await fireEvent.input(screen.getByTestId('figure-search'), { target: { value: '信访' } });
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('上年报告中没有含“信访”的数据');
    await fireEvent.input(screen.getByTestId('figure-search'), { target: { value: '15' } });
    await fireEvent.click(within((await screen.findAllByTestId('figure-search-result'))[0]).getByRole('button', { name: '关联' }));
    expect(linker.link).toHaveBeenLastCalledWith('same', { this: THIS, last: LAST_YEAR[2].key });

    await fireEvent.click(screen.getByTestId('figure-adjust'));
    await fireEvent.click(screen.getByRole('button', { name: '不可比' }));
    expect(linker.link).toHaveBeenLastCalledWith('not_comparable', { this: THIS });
  });

  it('takes a wrong pair apart (取消关联), confirms a possible one, and restores a 不可比 figure', async () => {
    const linker = fakeLinker();
    const lastKey = ref('法治宣传·讲座', 320, 'c12');
    const rows = [
      row('甲', 'changed', { thisKey: THIS, lastKey, confidence: 0.7, words: ['讲座'] }),
      row('乙', 'possible', { thisKey: THIS, lastKey, confidence: 0.45, words: [] }),
      row('丙', 'not_comparable', { last: null, lastLine: null, thisKey: THIS }),
    ];
    render(FigureTable, { rows, onjump: vi.fn(), linker });
    const adjusts = () => screen.getAllByTestId('figure-adjust');
    expect(adjusts().map((b) => b.textContent)).toEqual(['调整…', '调整…', '恢复…']);
    await fireEvent.click(adjusts()[0]);
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('把握 70%，共同词：讲座');
    expect(screen.queryByRole('button', { name: '确认是同一项' }), 'a sure pair needs no confirming').toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: '取消关联' }));
    expect(linker.link).toHaveBeenLastCalledWith('not_same', { this: THIS, last: lastKey });

    await waitFor(() => expect(screen.queryByTestId('figure-link-panel')).toBeNull());
    await fireEvent.click(adjusts()[1]);
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('没有共同词');
    await fireEvent.click(screen.getByRole('button', { name: '确认是同一项' }));
    expect(linker.link).toHaveBeenLastCalledWith('same', { this: THIS, last: lastKey });

    await waitFor(() => expect(screen.queryByTestId('figure-link-panel')).toBeNull());
    await fireEvent.click(adjusts()[2]);
    await fireEvent.click(screen.getByRole('button', { name: '恢复对照' }));
    expect(linker.forget).toHaveBeenCalledWith({ this: THIS, last: null });
  });

  it('says in Chinese when a link could not be kept, and keeps the panel open', async () => {
    const linker = fakeLinker(true);
    const rows = [row('丁', 'dropped', { this: null, thisLine: null, lastKey: ref('甲', 4, 'c4') })];
    render(FigureTable, { rows, onjump: vi.fn(), linker });
    await fireEvent.click(screen.getByTestId('figure-adjust'));
    await fireEvent.click(screen.getByRole('button', { name: '不可比' }));
    expect(linker.link).toHaveBeenCalledWith('not_comparable', { last: ref('甲', 4, 'c4') });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('未能保存：上年报告没有写明地区或年份');
    expect(screen.getByTestId('figure-link-panel')).toBeTruthy();
  });

  it('searches last year’s figures by every word given, in metric, clause or value', () => {
    expect(searchFigures(LAST_YEAR, '').length).toBe(0);
    expect(searchFigures(LAST_YEAR, '法治 讲座').map((f) => f.line)).toEqual([12]);
    expect(searchFigures(LAST_YEAR, '41件').map((f) => f.line)).toEqual([7]);
    expect(searchFigures(LAST_YEAR, '讲座', 1)).toHaveLength(1);
  });

  it('lets the drafter take back a link of theirs (恢复自动对照), offered on linked pairs only', async () => {
    const linker = fakeLinker();
    const lastKey = ref('法治宣传·讲座', 320, 'c12');
    const rows = [
      row('甲', 'changed', { linked: true, thisKey: THIS, lastKey, confidence: 1 }),
      row('乙', 'changed', { thisKey: THIS, lastKey, confidence: 0.9, words: ['讲座'] }),
    ];
    render(FigureTable, { rows, onjump: vi.fn(), linker });
    const adjusts = () => screen.getAllByTestId('figure-adjust');
    await fireEvent.click(adjusts()[1]);
    expect(screen.queryByRole('button', { name: '恢复自动对照' }), 'nothing to take back on the aligner’s pair').toBeNull();
    await fireEvent.click(adjusts()[1]);
    await fireEvent.click(adjusts()[0]);
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('这一对由您手动关联');
    await fireEvent.click(screen.getByRole('button', { name: '恢复自动对照' }));
    expect(linker.forget).toHaveBeenCalledWith({ this: THIS, last: lastKey });
  });

  it('closes the panel on Escape', async () => {
    const unpaired = row('未命名·场次', 'unpaired', { last: null, lastLine: null, thisKey: THIS });
    render(FigureTable, { rows: [unpaired], onjump: vi.fn(), linker: fakeLinker() });
    await fireEvent.click(screen.getByTestId('figure-adjust'));
    await fireEvent.keyDown(screen.getByTestId('figure-search'), { key: 'Escape' });
    expect(screen.queryByTestId('figure-link-panel')).toBeNull();
  });

  it('says 已取消关联 on a figure the drafter took apart, with the figure it is not, and restores it in the row', async () => {
    const linker = fakeLinker();
    const lastKey = ref('法治宣传·讲座', 320, 'c12');
    const lastChoice = { ...choice(320, 12, '举办机关干部法治讲座320场', null, []), key: lastKey };
    const thisChoice = { ...choice(510, 9, '举办专题学法和法治讲座510场', null, []), key: THIS };
    const onjump = vi.fn();
    const rows = [
      row('未命名·场次', 'unpaired', { last: null, lastLine: null, change: '未配对', thisKey: THIS, unlinked: [lastChoice] }),
      row('法治宣传·讲座', 'dropped', { this: null, thisLine: null, lastKey, unlinked: [thisChoice] }),
      // Paired again with another figure: the pair is the aligner's, no 已取消关联 on it.
      row('甲', 'changed', { thisKey: THIS, lastKey: ref('甲', 4, 'c4'), unlinked: [lastChoice] }),
      row('乙', 'unpaired', { last: null, lastLine: null, thisKey: ref('乙', 5, 'c5') }),
    ];
    const { container } = render(FigureTable, { rows, onjump, linker });
    const tagged = [...container.querySelectorAll('tbody tr')].map((tr) => ({
      apart: tr.getAttribute('data-unlinked') === 'true',
      tags: [...tr.querySelectorAll('.tag')].map((t) => t.textContent),
    }));
    expect(tagged).toEqual([
      { apart: true, tags: ['已取消关联'] },
      { apart: true, tags: ['已取消关联'] },
      { apart: false, tags: [] },
      { apart: false, tags: ['未配对'] },
    ]);
    const [first, second] = container.querySelectorAll('tbody tr');
    expect(first.querySelector('.change')?.textContent?.trim(), 'the tag says it, not 未配对 beside it').toBe('');
    expect(first.getAttribute('title')).toBe('您已取消它与上年第12行 320场的关联：可恢复自动对照');
    expect(second.getAttribute('title')).toBe('您已取消它与本稿第9行 510场的关联：可恢复自动对照');
    const restores = screen.getAllByTestId('figure-restore');
    expect(restores.map((b) => b.getAttribute('aria-label'))).toEqual(['未命名·场次：恢复自动对照', '法治宣传·讲座：恢复自动对照']);

    // The panel of this year's figure still offers 关联… and says what was taken apart.
    await fireEvent.click(within(first as HTMLElement).getByTestId('figure-adjust'));
    expect(screen.getByTestId('figure-link-panel').textContent).toContain('您已取消它与上年第12行 320场的关联。');

    await fireEvent.click(restores[0]);
    expect(linker.forget).toHaveBeenCalledWith({ this: THIS, last: null });
    expect(onjump, 'the button is not a click on the row').not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByTestId('figure-link-panel')).toBeNull());
    await fireEvent.click(restores[1]);
    expect(linker.forget).toHaveBeenLastCalledWith({ this: null, last: lastKey });
  });

  it('says 已取消关联 read-only too, and a failed 恢复 in Chinese', async () => {
    const lastChoice = choice(320, 12, '举办机关干部法治讲座320场', null, []);
    const apart = row('未命名·场次', 'unpaired', { last: null, lastLine: null, thisKey: THIS, unlinked: [lastChoice] });
    const { unmount } = render(FigureTable, { rows: [apart], onjump: vi.fn() });
    expect(screen.getByTestId('figure-unlinked').textContent).toBe('已取消关联');
    expect(screen.queryByTestId('figure-restore'), 'nothing to restore without a linker').toBeNull();
    unmount();

    const linker = fakeLinker();
    linker.forget.mockImplementationOnce(async () => {
      throw { code: 'store.sqlite', message: '资料库写入失败' };
    });
    render(FigureTable, { rows: [apart], onjump: vi.fn(), linker });
    await fireEvent.click(screen.getByTestId('figure-restore'));
    expect((await screen.findByRole('alert')).textContent).toBe('未能保存：资料库写入失败');
  });
});
