// One open document as the window sees it: its text, the caret, the live check of a draft and
// its autosave. A session is made afresh for every document opened and closed when another one
// opens, so a late check answer or save status of the previous document lands on the old
// (closed) session and can never show on the new one. No IPC details here: lib/api only.
import { checkDraft, saveDraft, toIpcError } from '../lib/api';
import type { CheckResult, DraftDoc, IpcError, ReportOutline } from '../lib/api';
import { LatestOnly } from '../lib/latest';
import { Autosaver } from './autosave';
import type { SaveStatus } from './autosave';
import type { LineTarget } from './lineTarget';
import { draftDoc, reportDoc } from './openDoc';
import type { OpenDoc } from './openDoc';

export const CHECK_DELAY_MS = 600;

export interface DraftHooks {
  /** A version of the draft was stored (at `savedAt`). */
  onsaved?: (draftId: number, savedAt: number) => void;
}

export class DocSession {
  readonly doc: OpenDoc | null;
  text = $state('');
  cursorLine = $state(1);
  jump = $state<LineTarget | null>(null);
  check = $state<CheckResult | null>(null);
  checking = $state(false);
  checkError = $state<IpcError | null>(null);
  saveStatus = $state<SaveStatus | null>(null);
  saveError = $state<IpcError | null>(null);
  /** Grows with every stored version, so an open versions list can show the new one. */
  saves = $state(0);

  #closed = false;
  #autosaver: Autosaver | null = null;
  #checker: LatestOnly<string, CheckResult> | null = null;

  private constructor(doc: OpenDoc | null) {
    this.doc = doc;
    this.text = doc?.text ?? '';
  }

  /** Nothing open (at start, after a restore). */
  static empty(): DocSession {
    return new DocSession(null);
  }

  /** A stored report, read-only: no check, no autosave. */
  static report(id: number, report: ReportOutline): DocSession {
    return new DocSession(reportDoc(id, report));
  }

  /** A draft: autosaved, and checked now and after each pause in typing. */
  static draft(draft: DraftDoc, hooks: DraftHooks = {}): DocSession {
    const session = new DocSession(draftDoc(draft));
    session.saveStatus = 'saved';
    session.#autosaver = new Autosaver(
      async (t) => {
        const saved = await saveDraft(draft.id, t);
        // The library hears of a late save too; the closed session's counter does not matter.
        hooks.onsaved?.(draft.id, saved.savedAt);
        if (!session.#closed) session.saves += 1;
      },
      (status, error) => {
        if (session.#closed) return;
        session.saveStatus = status;
        session.saveError = status === 'unsaved' ? toIpcError(error) : null;
      },
    );
    session.#checker = new LatestOnly(
      (text: string) => checkDraft(text, { lastReportId: draft.lastReportId ?? undefined, year: draft.year }),
      CHECK_DELAY_MS,
      (result) => {
        if (session.#closed) return;
        session.check = result;
        session.checking = false;
        session.checkError = null;
      },
      (e) => {
        if (session.#closed) return;
        session.checking = false;
        session.checkError = toIpcError(e);
      },
    );
    session.checking = true;
    session.#checker.now(draft.text);
    return session;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Whether typing is still to be stored. */
  get hasAutosave(): boolean {
    return this.#autosaver !== null;
  }

  /** The drafter typed: save after a pause and check again (drafts only). */
  typed(next: string): void {
    this.text = next;
    if (this.#closed || this.doc?.kind !== 'draft') return;
    this.#autosaver?.changed(next);
    this.checking = true;
    this.#checker?.request(next);
  }

  /** Check the text as it stands now (the drafter's links changed what the check obeys). */
  recheck(): void {
    if (this.#closed || !this.#checker) return;
    this.checking = true;
    this.#checker.now(this.text);
  }

  /** Go to a line (`select`: select it too). */
  line(target: number, select = false): void {
    this.jump = { line: target, seq: (this.jump?.seq ?? 0) + 1, select };
  }

  /** Store pending typing now; rejects when it cannot be stored. */
  async flush(): Promise<void> {
    await this.#autosaver?.flush();
  }

  /** Another document opens (after a flush): no answer of this one is shown from now on. */
  close(): void {
    this.#closed = true;
    this.#checker?.stop();
    this.#autosaver?.stop();
    this.checking = false;
  }
}
