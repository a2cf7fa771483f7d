import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import LibraryPane from './LibraryPane.svelte';
import { Library } from './library.svelte';
import { REPORT_2022, REPORT_2023, fakeBackend, sampleOverview } from '../test/backend';
import type { ImportOutcome, ReportItem } from '../lib/api';

async function renderPane(overrides: Record<string, unknown> = {}) {
  const library = new Library();
  await library.load();
  const props = {
    library,
    openKey: null,
    onopenreport: vi.fn(),
    onopendraft: vi.fn(),
    onnewdraft: vi.fn(async () => undefined),
    ...overrides,
  };
  const view = render(LibraryPane, props);
  return { ...view, props, library };
}

function outcome(report: ReportItem, alreadyPresent = false): ImportOutcome {
  return { report, alreadyPresent };
}

describe('LibraryPane', () => {
  it('lists reports and drafts by government and year, newest year first', async () => {
    fakeBackend();
    const { container } = await renderPane();
    expect(screen.getByRole('heading', { name: '示例县人民政府' })).toBeTruthy();
    const years = [...container.querySelectorAll('.year-label')].map((y) => y.textContent);
    expect(years, 'the draft (2024) joins its report’s government, years descending').toEqual([
      '2024年',
      '2023年',
      '2022年',
    ]);
    expect(screen.getAllByTestId('report-item')).toHaveLength(2);
    expect(screen.getByTestId('draft-item').textContent).toContain('2024年度报告（草稿）');
    expect(screen.getByText(/拖到窗口上/), 'a new user learns that files can be dropped').toBeTruthy();
  });

  it('opens a report read-only and a draft in the editor on click', async () => {
    fakeBackend();
    const { props } = await renderPane();
    await fireEvent.click(screen.getAllByTestId('report-item')[1]);
    expect(props.onopenreport).toHaveBeenCalledWith(REPORT_2022.id);
    await fireEvent.click(screen.getByTestId('draft-item'));
    expect(props.onopendraft).toHaveBeenCalledWith(7);
  });

  it('asks the year of a new draft, the report year + 1 by default', async () => {
    fakeBackend();
    const { props } = await renderPane();
    await fireEvent.click(screen.getAllByTestId('new-draft-button')[0]);
    const year = screen.getByRole('spinbutton', { name: '草稿年度' }) as HTMLInputElement;
    expect(year.value, '2023 report → 2024 draft').toBe('2024');
    await fireEvent.input(year, { target: { value: '2025' } });
    await fireEvent.click(screen.getByRole('button', { name: '开始起草' }));
    await waitFor(() => expect(props.onnewdraft).toHaveBeenCalledWith(REPORT_2023, 2025));
  });

  it('imports several picked files with progress and a Chinese message per bad file', async () => {
    const paths = ['/home/d/甲.txt', '/home/d/坏.docx', '/home/d/乙.html'];
    const pending: ((v: unknown) => void)[] = [];
    const backend = fakeBackend({
      'plugin:dialog|open': () => paths,
      import_report: (a) =>
        new Promise((ok, fail) => {
          if (String(a.path).includes('坏')) fail({ code: 'import.docx', message: '不是有效的 Word 文件 (not a valid .docx)' });
          else pending.push(ok);
        }),
    });
    const onimported = vi.fn();
    await renderPane({ onimported });
    await fireEvent.click(screen.getByTestId('import-button'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('正在导入 1/3'));
    pending[0](outcome(REPORT_2023, true));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('正在导入 3/3'));
    const banner = screen.getByTestId('error-banner');
    expect(banner.textContent, 'the bad file is named with the backend’s message').toContain('《坏.docx》无法导入');
    expect(banner.textContent).toContain('不是有效的 Word 文件');
    expect(within(banner).getByText(/坏\.docx/).closest('li')?.dataset.code).toBe('import.docx');
    pending[1](outcome({ ...REPORT_2022, id: 9, fileName: '乙.html' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('已导入 1 份报告，1 份已在资料库中。'));
    expect(backend.callsOf('import_report').map((a) => a.path), 'every file is tried, in order').toEqual(paths);
    expect(backend.callsOf('library_overview'), 'the list is reloaded after an import').toHaveLength(2);
    expect(screen.getByTestId('error-banner'), 'the failure stays visible after the others succeed').toBeTruthy();
    await waitFor(() => expect(onimported, 'the window learns what came in').toHaveBeenCalledOnce());
    expect(onimported.mock.calls[0][0], 'two of the three files').toHaveLength(2);
  });

  it('searches after a pause and highlights the hits as <mark>', async () => {
    const backend = fakeBackend();
    const { container, props } = await renderPane();
    const box = screen.getByTestId('search-input');
    await fireEvent.input(box, { target: { value: '行政' } });
    await fireEvent.input(box, { target: { value: '行政复议' } });
    const result = await screen.findByTestId('search-result');
    expect(backend.callsOf('search_library'), 'debounced: one query for the typed word').toEqual([{ query: '行政复议' }]);
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['行政复议']);
    expect(result.textContent).toContain('2023年 · 二、化解社会矛盾纠纷');
    await fireEvent.click(result);
    expect(props.onopenreport, 'a hit opens its report at the line').toHaveBeenCalledWith(1, 7);
  });

  it('names no year for a hit in a report whose year was not recognised', async () => {
    fakeBackend({
      search_library: () => [
        {
          reportId: 3,
          government: '',
          year: 0,
          title: '某单位工作总结',
          sectionHeading: '一、主要工作',
          sectionKind: 'measures',
          line: 4,
          snippet: [{ text: '行政复议', hit: true }],
        },
      ],
    });
    await renderPane();
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: '行政复议' } });
    const result = await screen.findByTestId('search-result');
    expect(result.textContent).toContain('一、主要工作');
    expect(result.textContent, 'year 0 means unknown, not the year 0').not.toContain('0年');
  });

  it('shows a snippet holding markup as text', async () => {
    fakeBackend({
      search_library: () => [
        {
          reportId: 1,
          government: '示例县人民政府',
          year: 2023,
          title: 't',
          sectionHeading: '<b>一、</b>',
          sectionKind: 'other',
          line: 2,
          snippet: [
            { text: '<img src=x onerror=alert(1)>', hit: true },
            { text: '<script>alert(2)</script>', hit: false },
          ],
        },
      ],
    });
    const { container } = await renderPane();
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: 'img' } });
    const result = await screen.findByTestId('search-result');
    expect(container.querySelector('img'), 'report text is data, never markup').toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(result.querySelector('mark')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('narrows a search by year and by standard part, searching again at once', async () => {
    const backend = fakeBackend();
    await renderPane();
    expect(screen.queryByTestId('search-filters'), 'no filters before a search').toBeNull();
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: '行政复议' } });
    await screen.findByTestId('search-result');
    const filters = screen.getByTestId('search-filters');
    expect(within(filters).queryByRole('combobox', { name: '只搜这个机关' }), 'one government: nothing to choose').toBeNull();
    const year = within(filters).getByRole('combobox', { name: '只搜这一年度' }) as HTMLSelectElement;
    expect(
      [...year.options].map((o) => o.textContent),
      'the 2024 draft’s year too: its materials are searched under it',
    ).toEqual(['全部年度', '2024年', '2023年', '2022年']);
    await fireEvent.change(year, { target: { value: '2022' } });
    await waitFor(() => expect(backend.callsOf('search_library').at(-1)).toEqual({ query: '行政复议', year: 2022 }));
    const part = within(filters).getByRole('combobox', { name: '只搜这一部分' }) as HTMLSelectElement;
    await waitFor(() => expect(part.options.length, '全部内容 and the standard parts').toBe(3));
    await fireEvent.change(part, { target: { value: 'disputes' } });
    await waitFor(() =>
      expect(backend.callsOf('search_library').at(-1)).toEqual({ query: '行政复议', year: 2022, kind: 'disputes' }),
    );
    await fireEvent.keyDown(screen.getByTestId('search-input'), { key: 'Escape' });
    expect(screen.queryByTestId('search-filters'), 'Esc clears the query and the filters').toBeNull();
  });

  it('goes back to the library when the search box is cleared, asking nothing', async () => {
    const backend = fakeBackend();
    await renderPane();
    const box = screen.getByTestId('search-input');
    await fireEvent.input(box, { target: { value: '复议' } });
    await fireEvent.input(box, { target: { value: '' } });
    await new Promise((r) => setTimeout(r, 400));
    expect(backend.callsOf('search_library'), 'an empty query is never sent').toEqual([]);
    expect(screen.queryByTestId('search-result')).toBeNull();
    expect(screen.getAllByTestId('report-item')).toHaveLength(2);
  });

  it('says so when the search finds nothing', async () => {
    fakeBackend({ search_library: () => [] });
    await renderPane();
    await fireEvent.input(screen.getByTestId('search-input'), { target: { value: '无此词' } });
    expect(await screen.findByText('没有找到“无此词”。')).toBeTruthy();
  });

  it('shows an empty library with the way in', async () => {
    fakeBackend({ library_overview: () => sampleOverview({ reports: [], drafts: [] }) });
    await renderPane();
    expect(screen.getByText(/资料库还是空的/)).toBeTruthy();
  });
});
