// 不是错误 in the window: the findings the drafter dismissed in the open draft, loaded from the
// library when the draft opens, so they stay hidden at every later check (and after a restart)
// until the drafter takes the word back. No IPC details here: lib/api only.
import { dismissFinding, dismissedFindings, restoreFinding, toIpcError } from '../lib/api';
import type { DismissedFinding, FindingItem, IpcError } from '../lib/api';

/** How a dismissed finding is listed: the change it proposed, its words, or its message. */
export function dismissalLabel(f: FindingItem): string {
  if (f.matched && f.suggestion != null) return `${f.matched} → ${f.suggestion}`;
  if (f.matched) return f.matched;
  return f.message.length > 40 ? `${f.message.slice(0, 39)}…` : f.message;
}

export class DraftDismissals {
  /** The draft they belong to; null when no draft is open. */
  draftId = $state<number | null>(null);
  items = $state<DismissedFinding[]>([]);
  error = $state<IpcError | null>(null);
  readonly keys = $derived(new Set(this.items.map((d) => d.key)));

  /** Load the dismissals of another draft (nothing for null); an answer for a draft left since is dropped. */
  async load(draftId: number | null): Promise<void> {
    this.draftId = draftId;
    this.items = [];
    this.error = null;
    if (draftId === null) return;
    try {
      const items = await dismissedFindings(draftId);
      // A 不是错误 said while the list was loading is kept (it is in the library too).
      const stored = new Set(items.map((d) => d.key));
      if (this.draftId === draftId) this.items = [...items, ...this.items.filter((d) => !stored.has(d.key))];
    } catch (e) {
      if (this.draftId === draftId) this.error = toIpcError(e);
    }
  }

  /** 不是错误: hidden at once, kept in the library; shown again if the library refuses. */
  async dismiss(f: FindingItem): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null || this.keys.has(f.key)) return;
    const item: DismissedFinding = { key: f.key, label: dismissalLabel(f), dismissedAt: Date.now() };
    this.items = [...this.items, item];
    try {
      await dismissFinding(draftId, item.key, item.label);
      this.error = null;
    } catch (e) {
      if (this.draftId === draftId) {
        this.items = this.items.filter((d) => d.key !== item.key);
        this.error = toIpcError(e);
      }
    }
  }

  /** Take a dismissal back: the finding shows again at once. */
  async restore(key: string): Promise<void> {
    const draftId = this.draftId;
    if (draftId === null) return;
    const before = this.items;
    this.items = this.items.filter((d) => d.key !== key);
    try {
      await restoreFinding(draftId, key);
      this.error = null;
    } catch (e) {
      if (this.draftId === draftId) {
        this.items = before;
        this.error = toIpcError(e);
      }
    }
  }
}
