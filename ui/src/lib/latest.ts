// A debounced request whose answer is shown only if nothing newer was asked meanwhile: the
// checks pane re-checks after each pause in typing, and an answer about older text must never
// replace the answer about newer text.

export class LatestOnly<A, R> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private stopped = false;

  constructor(
    private readonly run: (args: A) => Promise<R>,
    private readonly delayMs: number,
    private readonly onresult: (result: R) => void,
    private readonly onerror: (error: unknown) => void = () => undefined,
  ) {}

  /** Ask again after the pause; any answer to an earlier request is dropped from now on. */
  request(args: A): void {
    if (this.stopped) return;
    const seq = ++this.seq;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(args, seq), this.delayMs);
  }

  /** Ask right away (a document was opened), with the same staleness rule. */
  now(args: A): void {
    if (this.stopped) return;
    const seq = ++this.seq;
    clearTimeout(this.timer);
    void this.fire(args, seq);
  }

  /** Drop the pending request and any answer still on its way (the query was cleared). */
  cancel(): void {
    this.seq += 1;
    clearTimeout(this.timer);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async fire(args: A, seq: number): Promise<void> {
    try {
      const result = await this.run(args);
      if (seq === this.seq && !this.stopped) this.onresult(result);
    } catch (e) {
      if (seq === this.seq && !this.stopped) this.onerror(e);
    }
  }
}
