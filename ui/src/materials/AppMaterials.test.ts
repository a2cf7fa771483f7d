// The materials tab inside the whole window: it follows the open draft, a paragraph inserted
// from it lands in the editor as one undo step, and a drop while it is open imports materials
// (not reports).
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { EditorView } from '@codemirror/view';
import { undo } from '@codemirror/commands';
import { emit } from '../lib/api/testing';
import App from '../App.svelte';
import { fakeBackend, sampleDraft, sampleOverview } from '../test/backend';
import type { MaterialParagraphItem } from '../lib/api';

const PARAGRAPH: MaterialParagraphItem = {
  id: 21,
  materialId: 3,
  file: '示例市司法局.docx',
  department: '示例市司法局',
  part: 'disputes',
  partLabel: '化解矛盾纠纷',
  confidence: 0.9,
  byHeading: true,
  text: '示例市司法局全年调解矛盾纠纷120件。',
  excerpt: '示例市司法局全年调解矛盾纠纷120件。',
  figures: [],
  used: false,
  group: null,
};

function materialsBackend() {
  const draft = sampleDraft();
  const inserted = `${draft.text}\n${PARAGRAPH.text}`;
  const backend = fakeBackend({
    library_overview: () => sampleOverview({ seeded: true }),
    materials_overview: () => ({ materials: [], departments: [], missing: [], unlisted: [], parts: [] }),
    material_paragraphs: () => [PARAGRAPH],
    insert_material: () => ({ text: inserted, line: 99, versionId: 50, note: '插入材料段落' }),
    import_materials: () => ({ imported: [], errors: [], cancelled: false, skipped: 0 }),
  });
  return { backend, draft, inserted };
}

function editorView(container: HTMLElement): EditorView {
  const root = container.querySelector<HTMLElement>('[data-testid="editor"]');
  const view = root && EditorView.findFromDOM(root);
  if (!view) throw new Error('no editor yet');
  return view;
}

describe('the materials tab', () => {
  it('inserts a material paragraph into the open draft as one undo step', async () => {
    const { backend, draft, inserted } = materialsBackend();
    const { container } = render(App);
    await waitFor(() => expect(container.querySelector('[data-testid="editor"]')).toBeTruthy());
    await waitFor(() => expect(editorView(container).state.doc.toString()).toBe(draft.text));
    await fireEvent.click(screen.getByTestId('tab-materials'));
    expect(screen.getByTestId('checks-pane').closest('[hidden]'), 'the checks stay, hidden').toBeTruthy();
    await fireEvent.click(await screen.findByTestId('material-insert'));
    await waitFor(() => expect(editorView(container).state.doc.toString()).toBe(inserted));
    expect(backend.callsOf('insert_material')[0]).toMatchObject({ draftId: draft.id, paragraphId: 21, text: draft.text });
    undo(editorView(container));
    expect(editorView(container).state.doc.toString()).toBe(draft.text);
  });

  it('imports dropped files as materials while the tab is open, as reports otherwise', async () => {
    const { backend } = materialsBackend();
    const { container } = render(App);
    await waitFor(() => expect(container.querySelector('[data-testid="editor"]')).toBeTruthy());
    await fireEvent.click(screen.getByTestId('tab-materials'));
    await screen.findByTestId('material-insert');
    await emit('tauri://drag-drop', { paths: ['/材料/示例镇.docx'], position: { x: 1, y: 1 } });
    await waitFor(() => expect(backend.callsOf('import_materials')).toEqual([{ draftId: 7, paths: ['/材料/示例镇.docx'] }]));
    expect(backend.callsOf('import_report')).toEqual([]);
  });
});
