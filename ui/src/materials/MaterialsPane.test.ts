import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import MaterialsPane from './MaterialsPane.svelte';
import { DraftMaterials, confidenceLabel, listOrder } from './materials.svelte';
import { fakeBackend } from '../test/backend';
import { emit } from '../lib/api/testing';
import type {
  FillItem,
  MaterialBatch,
  MaterialItem,
  MaterialParagraphItem,
  MaterialsOverview,
  OutlineSection,
} from '../lib/api';

// An invented draft of 示例市 with two parts; the cursor (line 12) is in 化解矛盾纠纷.
const OUTLINE: OutlineSection[] = [
  { number: '一、', heading: '一、组织领导', level: 1, kind: 'organization', kind_label: '组织领导', line: 3, end_line: 9, children: [] },
  { number: '二、', heading: '二、化解矛盾纠纷', level: 1, kind: 'disputes', kind_label: '化解矛盾纠纷', line: 10, end_line: 20, children: [] },
];

const TEXT = Array.from({ length: 20 }, (_, i) => `第${i + 1}行`).join('\n');

function material(over: Partial<MaterialItem> = {}): MaterialItem {
  return {
    id: 1,
    file: '示例市司法局2024年法治政府建设情况.docx',
    path: '/材料/示例市司法局2024年法治政府建设情况.docx',
    format: 'docx',
    department: '示例市司法局',
    departmentSource: 'title',
    paragraphs: 6,
    statistics: 0,
    alreadyPresent: false,
    ...over,
  };
}

function paragraph(over: Partial<MaterialParagraphItem> = {}): MaterialParagraphItem {
  return {
    id: 11,
    materialId: 1,
    file: '示例市司法局2024年法治政府建设情况.docx',
    department: '示例市司法局',
    part: 'disputes',
    partLabel: '化解矛盾纠纷',
    confidence: 0.86,
    byHeading: false,
    text: '全年办理行政复议案件142件，调解成功38件。',
    excerpt: '全年办理行政复议案件142件，调解成功38件。',
    figures: [{ metric: '行政复议·办理', raw: '142件', value: 142, unit: '件', excerpt: '全年办理行政复议案件142件' }],
    used: false,
    group: null,
    ...over,
  };
}

function overview(over: Partial<MaterialsOverview> = {}): MaterialsOverview {
  return {
    materials: [material(), material({ id: 2, file: '示例镇.txt', department: '示例镇人民政府', departmentSource: 'signature' })],
    departments: [
      { id: 1, name: '示例市司法局', materials: 1 },
      { id: 2, name: '示例市市场监管局', materials: 0 },
    ],
    missing: ['示例市市场监管局'],
    unlisted: ['示例镇人民政府'],
    parts: [
      { part: 'organization', label: '组织领导', materials: 0, unused: 0, draftLines: 0, empty: true },
      { part: 'disputes', label: '化解矛盾纠纷', materials: 3, unused: 3, draftLines: 9, empty: false },
    ],
    ...over,
  };
}

const INSERTED = { text: `${TEXT}\n全年办理行政复议案件142件，调解成功38件。`, line: 13, versionId: 90, note: '插入材料段落：示例市司法局' };

function renderPane(handlers: Record<string, (a: Record<string, unknown>) => unknown> = {}, cursorLine = 12) {
  const backend = fakeBackend({
    materials_overview: () => overview(),
    material_paragraphs: () => [
      paragraph(),
      paragraph({ id: 12, department: '示例镇人民政府', file: '示例镇.txt', confidence: 0.55, group: 1 }),
      paragraph({ id: 13, confidence: 0.95, used: true }),
      paragraph({ id: 14, department: '示例市司法局', confidence: 0.6, group: 1 }),
    ],
    insert_material: () => INSERTED,
    ...handlers,
  });
  const materials = new DraftMaterials();
  const onreplace = vi.fn();
  const onjump = vi.fn();
  render(MaterialsPane, { materials, draftId: 7, text: TEXT, outline: OUTLINE, cursorLine, onreplace, onjump });
  return { backend, materials, onreplace, onjump };
}

describe('listOrder and confidenceLabel', () => {
  it('lists unused first, surest first, near-duplicates right after the first of their group', () => {
    const order = listOrder([
      paragraph({ id: 1, confidence: 0.5 }),
      paragraph({ id: 2, confidence: 0.9, group: 4 }),
      paragraph({ id: 3, confidence: 0.99, used: true }),
      paragraph({ id: 4, confidence: 0.3, group: 4 }),
    ]).map((p) => p.id);
    expect(order).toEqual([2, 4, 1, 3]);
  });

  it('says the confidence as a percentage', () => {
    expect(confidenceLabel(0.856)).toBe('86%');
    expect(confidenceLabel(1.2)).toBe('100%');
  });
});

describe('MaterialsPane', () => {
  it('lists the materials of the part the cursor is in, with department, confidence and figures', async () => {
    const { backend } = renderPane();
    const items = await screen.findAllByTestId('material-paragraph');
    expect(backend.callsOf('material_paragraphs').at(-1)).toMatchObject({ draftId: 7, part: 'disputes' });
    expect(items).toHaveLength(4);
    expect(items[0].textContent).toContain('示例市司法局');
    expect(items[0].textContent).toContain('化解矛盾纠纷 86%');
    expect(within(items[0]).getByTestId('material-figure').textContent).toContain('142件');
    // The near-duplicate of another department comes right after, marked as such.
    expect(items[1].textContent).toContain('相近 1');
    expect(items.at(-1)!.textContent, 'used paragraphs last').toContain('已用');
  });

  it('inserts a paragraph after the cursor line and hands the new text to the editor', async () => {
    const { backend, onreplace } = renderPane();
    const [first] = await screen.findAllByTestId('material-insert');
    await fireEvent.click(first);
    await waitFor(() => expect(onreplace).toHaveBeenCalledWith(INSERTED));
    expect(backend.callsOf('insert_material')[0]).toMatchObject({ draftId: 7, paragraphId: 11, after: 12, figure: null, text: TEXT });
  });

  it('inserts only a figure when its chip is clicked, at the end of its part when the cursor is elsewhere', async () => {
    const { backend } = renderPane({}, 4);
    // The cursor is in 组织领导: pick 化解矛盾纠纷 to see its materials.
    const select = (await screen.findByTestId('materials-part')) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'disputes' } });
    const [chip] = await screen.findAllByTestId('material-figure');
    await fireEvent.click(chip);
    await waitFor(() => expect(backend.callsOf('insert_material')).toHaveLength(1));
    expect(backend.callsOf('insert_material')[0]).toMatchObject({ paragraphId: 11, after: null, figure: 0 });
  });

  it('shows who has not sent, the unlisted senders, and parts with neither material nor text', async () => {
    renderPane();
    expect((await screen.findByTestId('materials-missing')).textContent).toContain('示例市市场监管局');
    expect(screen.getByTestId('materials-empty-parts').textContent).toContain('组织领导');
    expect(screen.getByText('＋示例镇人民政府')).toBeTruthy();
  });

  it('adds a department to the office list', async () => {
    const { backend } = renderPane({ add_department: () => 3 });
    const input = (await screen.findByTestId('department-name')) as HTMLInputElement;
    await fireEvent.input(input, { target: { value: ' 示例市教育局 ' } });
    await fireEvent.click(screen.getByTestId('department-add'));
    await waitFor(() => expect(backend.callsOf('add_department')).toEqual([{ name: '示例市教育局' }]));
  });

  it('shows the progress of a batch, can cancel it, and lists the files it could not read', async () => {
    let finish: (batch: MaterialBatch) => void = () => undefined;
    const { backend, materials } = renderPane({
      import_materials: () => new Promise<MaterialBatch>((resolve) => (finish = resolve)),
      cancel_materials_import: () => null,
    });
    await screen.findAllByTestId('material-paragraph');
    const running = materials.importPaths(['/材料'], TEXT);
    await screen.findByTestId('materials-progress');
    await emit('materials-progress', { done: 1, total: 3, file: '示例市司法局.docx', ok: true });
    await waitFor(() => expect(screen.getByTestId('materials-progress').textContent).toContain('已读 1/3：示例市司法局.docx'));
    await fireEvent.click(screen.getByTestId('materials-cancel'));
    await waitFor(() => expect(backend.callsOf('cancel_materials_import')).toHaveLength(1));
    finish({
      imported: [material()],
      errors: [{ file: '坏文件.docx', code: 'import.not_docx', reason: '文件已损坏，无法读取' }],
      cancelled: true,
      skipped: 1,
    });
    await running;
    const batch = await screen.findByTestId('materials-batch');
    expect(batch.textContent).toContain('导入 1 份');
    expect(batch.textContent).toContain('1 份未能读取');
    expect(batch.textContent).toContain('已取消，1 份未读');
    expect(screen.getByTestId('materials-errors').textContent).toContain('坏文件.docx：文件已损坏，无法读取');
    expect(screen.queryByTestId('materials-progress')).toBeNull();
  });

  it('proposes statistics for fill-in marks; accepting fills one, rejecting drops that option', async () => {
    const item: FillItem = {
      line: 12,
      mark: '【113件→？】',
      lastRaw: '113件',
      metric: '行政复议·受理',
      options: [
        { statId: 5, text: '142件', value: 142, matchedBy: 'metric', file: '统计.xlsx', department: '示例市司法局', cell: 'Sheet1!C3', row: '行政复议受理 · 本年', swing: null },
        { statId: 6, text: '900件', value: 900, matchedBy: 'label', file: '统计.xlsx', department: '示例市司法局', cell: 'Sheet1!C9', row: '受理 · 本年', swing: '较上年增长696.5%，请核实' },
      ],
    };
    const filled = { text: TEXT, line: 12, versionId: 91, note: '从统计表填入' };
    const { backend, onreplace } = renderPane({
      fill_proposals: () => [item],
      accept_fill: () => filled,
      reject_fill: () => null,
    });
    await fireEvent.click(await screen.findByTestId('fill-proposals'));
    const found = await screen.findByTestId('fill-item');
    expect(found.textContent).toContain('【113件→？】');
    expect(found.textContent).toContain('Sheet1!C3');
    expect(found.textContent, 'a value far from last year carries the warning').toContain('较上年增长696.5%');
    await fireEvent.click(within(found).getAllByTestId('fill-reject')[1]);
    await waitFor(() => expect(within(screen.getByTestId('fill-item')).getAllByTestId('fill-accept')).toHaveLength(1));
    expect(backend.callsOf('reject_fill')[0]).toMatchObject({ line: 12, mark: '【113件→？】', statId: 6 });
    await fireEvent.click(within(screen.getByTestId('fill-item')).getByTestId('fill-accept'));
    await waitFor(() => expect(onreplace).toHaveBeenCalledWith(filled));
    expect(backend.callsOf('accept_fill')[0]).toMatchObject({ draftId: 7, line: 12, statId: 5 });
  });
});
