// The departments' materials of the open draft, as the materials pane shows them: the overview
// (who sent what, which parts have material), the paragraphs of one part, a batch import with
// its progress, and the changes that go from a material into the draft. Every change of the
// draft's text comes back from the backend as the whole new text (already stored as a named
// version: the trail); the pane hands it to the editor.
import {
  cancelMaterialsImport,
  importMaterials,
  insertMaterial,
  markMaterialUsed,
  materialParagraphs,
  materialsOverview,
  onMaterialsProgress,
  toIpcError,
} from '../lib/api';
import type {
  IpcError,
  MaterialBatch,
  MaterialInsert,
  MaterialParagraphItem,
  MaterialProgress,
  MaterialsOverview,
} from '../lib/api';

export class DraftMaterials {
  draftId = $state<number | null>(null);
  overview = $state<MaterialsOverview | null>(null);
  /** The paragraphs shown: of `part` (null: every part), of `department` (null: all). */
  paragraphs = $state<MaterialParagraphItem[]>([]);
  part = $state<string | null>(null);
  department = $state<string | null>(null);
  /** While a batch runs: files done of all. */
  progress = $state<MaterialProgress | null>(null);
  importing = $state(false);
  cancelling = $state(false);
  lastBatch = $state<MaterialBatch | null>(null);
  error = $state<{ subject: string; error: IpcError } | null>(null);
  /** Answers to an older request (another draft, part or department) are dropped. */
  private overviewSeq = 0;
  private listSeq = 0;

  /** Show another draft's materials (null: none open). */
  async open(draftId: number | null, text: string | null): Promise<void> {
    if (draftId === this.draftId) return;
    this.draftId = draftId;
    this.overview = null;
    this.paragraphs = [];
    this.lastBatch = null;
    this.error = null;
    this.department = null;
    if (draftId !== null) await this.refresh(text);
  }

  /** Reload the overview (the draft's text decides which parts are still empty) and the list. */
  async refresh(text: string | null): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return;
    const seq = ++this.overviewSeq;
    const list = this.loadList(draftId);
    try {
      const overview = await materialsOverview(draftId, text);
      if (seq === this.overviewSeq) this.overview = overview;
    } catch (e) {
      if (seq === this.overviewSeq) this.fail('材料未能读取', e);
    }
    await list;
  }

  private async loadList(draftId: number): Promise<void> {
    const seq = ++this.listSeq;
    try {
      const paragraphs = await materialParagraphs(draftId, this.part, this.department);
      if (seq === this.listSeq) this.paragraphs = paragraphs;
    } catch (e) {
      if (seq === this.listSeq) this.fail('材料未能读取', e);
    }
  }

  /** Show the paragraphs of one part and/or one department. */
  async show(part: string | null, department: string | null = this.department): Promise<void> {
    if (part === this.part && department === this.department && this.paragraphs.length > 0) return;
    this.part = part;
    this.department = department;
    if (this.draftId !== null) await this.loadList(this.draftId);
  }

  /** Import files and folders as this draft's materials, with progress; a broken file is listed. */
  async importPaths(paths: string[], text: string | null): Promise<MaterialBatch | null> {
    const draftId = this.draftId;
    if (draftId === null || paths.length === 0 || this.importing) return null;
    this.importing = true;
    this.cancelling = false;
    this.progress = { done: 0, total: 0, file: '', ok: true };
    this.error = null;
    let stop: (() => void) | undefined;
    try {
      stop = await onMaterialsProgress((p) => (this.progress = p)).catch(() => undefined);
      const batch = await importMaterials(draftId, paths);
      this.lastBatch = batch;
      await this.refresh(text);
      return batch;
    } catch (e) {
      this.fail('材料未能导入', e);
      return null;
    } finally {
      stop?.();
      this.importing = false;
      this.cancelling = false;
      this.progress = null;
    }
  }

  /** Stop the running batch before its next file (those already read stay). */
  async cancel(): Promise<void> {
    if (!this.importing) return;
    this.cancelling = true;
    try {
      await cancelMaterialsImport();
    } catch (e) {
      this.fail('未能取消导入', e);
    }
  }

  /** Put a paragraph (or one of its figures) into the draft; the answer is the new whole text. */
  async insert(
    paragraph: MaterialParagraphItem,
    text: string,
    after: number | null,
    figure: number | null = null,
  ): Promise<MaterialInsert | null> {
    const draftId = this.draftId;
    if (draftId === null) return null;
    try {
      const inserted = await insertMaterial(draftId, text, paragraph.id, after, figure);
      // The backend marked it used: the reloaded list and overview say so.
      await this.refresh(inserted.text);
      return inserted;
    } catch (e) {
      this.fail('材料未能插入', e);
      return null;
    }
  }

  /** 已用 / 未用, as the drafter marks it. */
  async setUsed(paragraph: MaterialParagraphItem, used: boolean): Promise<void> {
    try {
      await markMaterialUsed(paragraph.id, used);
      this.paragraphs = this.paragraphs.map((p) => (p.id === paragraph.id ? { ...p, used } : p));
    } catch (e) {
      this.fail('未能标记', e);
    }
  }

  fail(subject: string, e: unknown) {
    this.error = { subject, error: toIpcError(e) };
  }
}

/** `0.82` → `82%` (how sure the classifier is that a paragraph belongs to its part). */
export function confidenceLabel(confidence: number): string {
  return `${Math.round(Math.min(1, Math.max(0, confidence)) * 100)}%`;
}

/**
 * Paragraphs in the order the pane lists them: unused first, surest first, and the near-duplicates
 * another department sent right after the first of their group.
 */
export function listOrder(paragraphs: MaterialParagraphItem[]): MaterialParagraphItem[] {
  const sorted = [...paragraphs].sort(
    (a, b) => Number(a.used) - Number(b.used) || b.confidence - a.confidence || a.id - b.id,
  );
  const out: MaterialParagraphItem[] = [];
  const placed = new Set<number>();
  for (const p of sorted) {
    if (placed.has(p.id)) continue;
    out.push(p);
    placed.add(p.id);
    if (p.group === null) continue;
    for (const q of sorted) {
      if (q.group === p.group && !placed.has(q.id)) {
        out.push(q);
        placed.add(q.id);
      }
    }
  }
  return out;
}
