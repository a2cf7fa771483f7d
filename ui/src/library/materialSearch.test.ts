// The library's search finds the departments' materials too (issue 16): they are listed after
// the reports' hits as their own kind (department, draft, part, file and line, the match
// marked), and a click opens the draft they are stored with on the materials pane at their part.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import LibraryPane from './LibraryPane.svelte';
import SearchResults from './SearchResults.svelte';
import { Library } from './library.svelte';
import { SAMPLE_SEARCH, fakeBackend } from '../test/backend';
import type { MaterialParagraphItem, SearchResult } from '../lib/api';

const MATERIAL_HIT: SearchResult = {
  kind: 'material',
  reportId: 0,
  government: '示例县人民政府',
  year: 2024,
  title: '2024年度报告（草稿）',
  sectionHeading: '',
  sectionKind: 'disputes',
  line: 3,
  snippet: [
    { text: '全年办理', hit: false },
    { text: '行政复议', hit: true },
    { text: '案件52件。', hit: false },
  ],
  material: {
    draftId: 7,
    draftTitle: '2024年度报告（草稿）',
    materialId: 3,
    paragraphId: 21,
    file: '示例县司法局.docx',
    department: '示例县司法局',
    part: 'disputes',
    partLabel: '化解矛盾纠纷',
  },
};

const PARAGRAPH: MaterialParagraphItem = {
  id: 21,
  materialId: 3,
  file: '示例县司法局.docx',
  department: '示例县司法局',
  part: 'disputes',
  partLabel: '化解矛盾纠纷',
  confidence: 0.9,
  byHeading: true,
  text: '全年办理行政复议案件52件。',
  excerpt: '全年办理行政复议案件52件。',
  figures: [],
  used: false,
  group: null,
};

describe('search results', () => {
  it('shows a material hit as a material: department, draft, part, file and line', async () => {
    const onopen = vi.fn();
    const onopenmaterial = vi.fn();
    render(SearchResults, { results: [SAMPLE_SEARCH[0], MATERIAL_HIT], onopen, onopenmaterial });
    const hit = screen.getByTestId('search-material-result');
    expect(hit.textContent).toContain('材料');
    expect(hit.textContent).toContain('示例县司法局 · 2024年度报告（草稿） · 化解矛盾纠纷');
    expect(hit.textContent).toContain('《示例县司法局.docx》第3行');
    expect(hit.querySelector('mark')?.textContent).toBe('行政复议');
    await fireEvent.click(hit);
    expect(onopenmaterial).toHaveBeenCalledWith(MATERIAL_HIT.material);
    expect(onopen, 'a material is no report').not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('search-result'));
    expect(onopen).toHaveBeenCalledWith(1, 7);
  });
});

async function searchIn(found: SearchResult[]) {
  fakeBackend({ search_library: () => found });
  const library = new Library();
  await library.load();
  const onopenmaterial = vi.fn();
  render(LibraryPane, {
    library,
    openKey: null,
    onopenreport: vi.fn(),
    onopendraft: vi.fn(),
    onopenmaterial,
    onnewdraft: vi.fn(async () => undefined),
  });
  await fireEvent.input(screen.getByPlaceholderText(/搜索/), { target: { value: '行政复议' } });
  await screen.findByTestId('search-count', {}, { timeout: 3000 });
  return onopenmaterial;
}

describe('the library pane', () => {
  it('lists the materials after the reports, each counted on its own', async () => {
    const onopenmaterial = await searchIn([SAMPLE_SEARCH[0], MATERIAL_HIT]);
    expect(screen.getByTestId('search-count').textContent).toContain('找到 1 处');
    expect(screen.getByTestId('search-material-count').textContent).toContain('部门材料：1 处');
    const report = screen.getByTestId('search-result');
    const material = screen.getByTestId('search-material-result');
    expect(report.compareDocumentPosition(material) & Node.DOCUMENT_POSITION_FOLLOWING, 'reports first').toBeTruthy();
    await fireEvent.click(material);
    expect(onopenmaterial).toHaveBeenCalledWith(MATERIAL_HIT.material);
  });

  it('says the reports have nothing when only a material matches', async () => {
    await searchIn([MATERIAL_HIT]);
    expect(screen.getByTestId('search-count').textContent).toContain('报告中没有找到');
    expect(screen.queryByTestId('search-result')).toBeNull();
    expect(screen.getAllByTestId('search-material-result')).toHaveLength(1);
  });

  it('says the cap of the materials when more than 20 match', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ ...MATERIAL_HIT, line: i + 1 }));
    await searchIn(many);
    expect(screen.getByTestId('search-material-count').textContent).toContain('超过 20 处');
    expect(screen.getAllByTestId('search-material-result')).toHaveLength(20);
  });
});

describe('in the window', () => {
  it('opens the draft of a material hit with the materials pane on its part', async () => {
    const backend = fakeBackend({
      search_library: () => [MATERIAL_HIT],
      materials_overview: () => ({
        materials: [],
        departments: [],
        missing: [],
        unlisted: [],
        parts: [
          { part: 'organization', label: '党的领导', materials: 0, unused: 0, draftLines: 3, empty: false },
          { part: 'disputes', label: '化解矛盾纠纷', materials: 1, unused: 1, draftLines: 2, empty: false },
        ],
      }),
      material_paragraphs: () => [PARAGRAPH],
    });
    const { container } = render(App);
    await fireEvent.input(await screen.findByPlaceholderText(/搜索/), { target: { value: '行政复议' } });
    await fireEvent.click(await screen.findByTestId('search-material-result', {}, { timeout: 3000 }));
    await waitFor(() => expect(backend.callsOf('open_draft')).toEqual([{ draftId: 7 }]));
    await waitFor(() => expect(screen.getByTestId('tab-materials').getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect(backend.callsOf('material_paragraphs').at(-1)).toMatchObject({ draftId: 7, part: 'disputes' }));
    const found = await waitFor(() => {
      const li = container.querySelector('[data-paragraph-id="21"]');
      if (!li) throw new Error('not listed yet');
      return li;
    });
    expect(found.classList.contains('found'), 'the paragraph found is marked').toBe(true);
    expect((screen.getByTestId('materials-part') as HTMLSelectElement).value, 'its part is pinned').toBe('disputes');
  });
});
