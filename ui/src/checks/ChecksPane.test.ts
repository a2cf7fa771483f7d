import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ChecksPane from './ChecksPane.svelte';
import { draftDoc, reportDoc } from '../editor/openDoc';
import { fakeBackend, sampleCheck, sampleDraft } from '../test/backend';
import { sampleOutline } from '../test/fixtures';

function props(overrides: Record<string, unknown> = {}) {
  return {
    doc: draftDoc(sampleDraft({ lastReportId: null })),
    result: sampleCheck(),
    text: '',
    cursorLine: 1,
    onselectline: vi.fn(),
    onjump: vi.fn(),
    ...overrides,
  };
}

describe('ChecksPane', () => {
  it('says what the checks will show before anything is open', () => {
    fakeBackend();
    render(ChecksPane, props({ doc: null, result: null }));
    expect(screen.getByRole('heading', { name: '核对' })).toBeTruthy();
    expect(screen.getByText(/数据对照表/), 'the empty state names the figure table').toBeTruthy();
  });

  it('names an office file it could not use, and shows nothing of the kind when all is well', () => {
    fakeBackend();
    const warning = '办公室文件 /data/terms.toml 第3行 有误，已改用内置规则：invalid string';
    const { unmount } = render(ChecksPane, props({ result: sampleCheck({ office_warnings: [warning] }) }));
    expect(screen.getByTestId('office-warning').textContent).toContain('terms.toml 第3行');
    unmount();
    render(ChecksPane, props());
    expect(screen.queryByTestId('office-warning')).toBeNull();
  });

  it('summarises a stored report', () => {
    fakeBackend();
    render(ChecksPane, props({ doc: reportDoc(1, sampleOutline()), result: null }));
    expect(screen.getByText(/共 9 行，识别出 3 个数据/)).toBeTruthy();
  });

  // jsdom applies no component CSS: the status classes are what the stylesheet colours
  // (.status-swing red, .status-unchanged grey), so the test pins the classes and the tags.
  it('colours the figure table by change: swing red, unchanged grey, new and dropped tagged', () => {
    fakeBackend();
    render(ChecksPane, props());
    const table = screen.getByTestId('figure-table');
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['指标', '上年', '本年', '变化']);
    const rows = [...table.querySelectorAll('tbody tr')] as HTMLElement[];
    const byMetric = (m: string) => rows.find((r) => r.textContent?.includes(m))!;
    const swing = byMetric('行政复议受理件数');
    expect(swing.classList.contains('status-swing'), 'a swing gets the red style').toBe(true);
    expect(swing.textContent).toContain('大幅变化');
    const unchanged = byMetric('专题学法次数');
    expect(unchanged.classList.contains('status-unchanged')).toBe(true);
    expect(unchanged.querySelector('.change')?.textContent).toBe('持平');
    expect(byMetric('法律顾问人数').textContent).toContain('本年新增');
    expect(byMetric('法律顾问人数').classList.contains('status-new')).toBe(true);
    expect(byMetric('法律援助案件数').textContent).toContain('本年未报');
    expect(byMetric('法律援助案件数').classList.contains('status-dropped')).toBe(true);
    expect(rows.map((r) => r.dataset.status), 'one row per aligned metric, in the backend’s order').toEqual([
      'changed',
      'unchanged',
      'swing',
      'new',
      'dropped',
    ]);
    const changed = byMetric('行政复议申请收到件数');
    expect(changed.classList.contains('status-changed')).toBe(true);
    expect(changed.querySelector('.tag'), 'an ordinary change needs no tag').toBeNull();
    expect([...changed.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['48件', '56件', '+8件+16.7%']);
    expect(changed.querySelector('.share')?.textContent, 'the share on a line of its own').toBe('+16.7%');
  });

  it('jumps to a figure’s line from the table', async () => {
    fakeBackend();
    const p = props();
    render(ChecksPane, p);
    const row = within(screen.getByTestId('figure-table')).getByText(/专题学法次数/).closest('tr')!;
    await fireEvent.click(row);
    expect(p.onjump).toHaveBeenCalledWith(4);
    const named = within(screen.getByTestId('figure-table')).getByRole('button', { name: '行政复议受理件数：转到第7行' });
    await fireEvent.click(named);
    expect(p.onjump, 'the metric’s name is a button for the keyboard, one jump per press').toHaveBeenCalledTimes(2);
    expect(p.onjump).toHaveBeenLastCalledWith(7);
    const dropped = within(screen.getByTestId('figure-table')).getByText(/法律援助案件数/).closest('tr')!;
    expect(dropped.querySelector('button'), 'a metric missing from this year’s text has no line to go to').toBeNull();
  });

  it('shows a clicked figure’s history in the chart, also one missing from this year’s text', async () => {
    const backend = fakeBackend({
      chained_metrics: () => ['行政复议申请收到件数', '法律援助案件数'].map((metric) => ({ metric, older: [], years: [2023] })),
      metric_chain: (a) => [
        { year: 2023, value: 310, unit: '件', raw: `${String(a.metric)}310件`, metric: String(a.metric), line: 14, excerpt: '', confidence: null, linked: false },
      ],
    });
    const p = props();
    render(ChecksPane, p);
    const picker = await screen.findByRole<HTMLSelectElement>('combobox', { name: '选择指标' });
    expect(picker.value).toBe('行政复议申请收到件数');
    const table = screen.getByTestId('figure-table');
    await fireEvent.click(within(table).getByText(/法律援助案件数/).closest('tr')!);
    await waitFor(() => expect(picker.value).toBe('法律援助案件数'));
    await waitFor(() =>
      expect(backend.callsOf('metric_chain').map((a) => a.metric)).toEqual(['行政复议申请收到件数', '法律援助案件数']),
    );
    expect(p.onjump, 'a dropped metric has no line of this year to go to').not.toHaveBeenCalled();
    await fireEvent.click(within(table).getByText(/专题学法次数/).closest('tr')!);
    expect(p.onjump).toHaveBeenCalledWith(4);
    expect(picker.value, 'a metric without history leaves the chart as it is').toBe('法律援助案件数');
  });

  it('groups findings by severity and a click selects the finding’s line', async () => {
    fakeBackend();
    const p = props();
    const { container } = render(ChecksPane, p);
    const groups = [...container.querySelectorAll('.group h4')].map((h) => h.textContent?.replace(/\s+\d+$/, ''));
    expect(groups, 'errors first, then warnings, then hints').toEqual(['错误', '警告', '提示']);
    const findings = screen.getAllByTestId('finding');
    expect(findings.map((f) => [f.dataset.code, f.dataset.line])).toEqual([
      ['arith.order', '7'],
      ['figure.unchanged', '4'],
      ['plan.unreported', '0'],
    ]);
    await fireEvent.click(findings[1]);
    expect(p.onselectline).toHaveBeenCalledWith(4);
    // A finding about last year's report (a plan never reported on) has no line of its own.
    expect(findings[2].textContent).toContain('上年报告');
    expect((findings[2] as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(findings[2]);
    expect(p.onselectline).toHaveBeenCalledTimes(1);
    expect(screen.getByText('错误 1')).toBeTruthy();
    expect(screen.getByText('待填 1 处')).toBeTruthy();
  });

  it('never shows one draft’s section comparison under another draft', async () => {
    fakeBackend({
      section_diff: (a) =>
        a.lastReportId === 1
          ? { heading: '一、甲稿的部分', lastHeading: '一、上年', parts: [{ text: '甲稿正文', op: 'insert' }] }
          : new Promise(() => undefined),
    });
    const p = props({ doc: draftDoc(sampleDraft({ id: 7, lastReportId: 1 })), text: '甲稿正文' });
    const { rerender } = render(ChecksPane, p);
    const view = screen.getByTestId('diff-view');
    await waitFor(() => expect(view.textContent).toContain('甲稿正文'), { timeout: 2000 });
    await rerender({ ...p, doc: draftDoc(sampleDraft({ id: 8, lastReportId: 2 })), text: '乙稿正文' });
    expect(screen.getByTestId('diff-view').textContent, 'the other draft’s diff is still on its way').toContain('正在比较…');
    expect(screen.getByTestId('diff-view').textContent).not.toContain('甲稿正文');
  });

  it('shows a check error in Chinese with its code', () => {
    fakeBackend();
    render(ChecksPane, props({ result: null, error: { code: 'check.input', message: '文本过长，无法核对' } }));
    const banner = screen.getByTestId('error-banner');
    expect(banner.textContent).toContain('核对未完成');
    expect(banner.querySelector('li')?.dataset.code).toBe('check.input');
  });
});
