// Autosave for a draft: every pause in typing (AUTOSAVE_DELAY_MS, under a second) stores the
// text as a new version. It must never lose typing: a failed save keeps the text pending, shows
// 未保存 and tries again; text typed while a save is in flight is saved after it. `flush()`
// saves whatever is pending now (closing the window, opening another document).

export type SaveStatus = 'saved' | 'saving' | 'unsaved';

export const SAVE_STATUS_LABEL: Record<SaveStatus, string> = {
  saved: '已保存',
  saving: '正在保存…',
  unsaved: '未保存',
};

export const AUTOSAVE_DELAY_MS = 700;
export const RETRY_DELAY_MS = 2000;

export interface AutosaveOptions {
  delayMs?: number;
  retryMs?: number;
}

export class Autosaver {
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | null = null;
  private stopped = false;
  private readonly delayMs: number;
  private readonly retryMs: number;

  /**
   * `save` stores one version and rejects when it could not; `onstatus` hears every change of
   * status, with the error of the failed save when it is `unsaved`.
   */
  constructor(
    private readonly save: (text: string) => Promise<unknown>,
    private readonly onstatus: (status: SaveStatus, error?: unknown) => void,
    options: AutosaveOptions = {},
  ) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryMs = options.retryMs ?? RETRY_DELAY_MS;
  }

  /** True while some typed text is not stored yet. */
  get dirty(): boolean {
    return this.pending !== null || this.inflight !== null;
  }

  /** The drafter changed the text: save it after the next pause. */
  changed(text: string): void {
    if (this.stopped) return;
    this.pending = text;
    this.onstatus('saving');
    this.schedule(this.delayMs);
  }

  /** Save what is pending now; rejects when that save fails (the text stays pending). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    while (this.inflight) await this.inflight;
    if (this.pending === null) return;
    await this.saveNow(true);
  }

  /** Stop timers (the draft was closed after a flush). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.inflight) return; // the in-flight save reschedules when it ends
      void this.saveNow(false);
    }, ms);
  }

  private saveNow(rethrow: boolean): Promise<void> {
    const text = this.pending;
    if (text === null) return Promise.resolve();
    this.pending = null;
    this.onstatus('saving');
    const done = Promise.resolve()
      .then(() => this.save(text))
      .then(
        () => {
          this.inflight = null;
          if (this.pending === null) this.onstatus('saved');
          else if (!this.stopped) this.schedule(this.delayMs);
        },
        (e: unknown) => {
          this.inflight = null;
          // Keep the newest text: typing during the failed save is newer than `text`.
          if (this.pending === null) this.pending = text;
          this.onstatus('unsaved', e);
          if (!this.stopped) this.schedule(this.retryMs);
          throw e;
        },
      );
    this.inflight = done.catch(() => undefined);
    return rethrow ? done : done.catch(() => undefined);
  }
}
