import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../App.svelte';
import type { CheckResult } from '../lib/api';
import { fakeBackend, sampleCheck, sampleDraft, sampleOverview } from '../test/backend';
import { sampleOutline } from '../test/fixtures';
import { DocSession } from './session.svelte';

const DRAFT_A = sampleDraft({ id: 7, text: '甲稿正文。' });
const DRAFT_B = sampleDraft({ id: 8, title: '示例县2025年度报告（草稿）', year: 2025, text: '乙稿正文。' });

function finding(code: CheckResult['findings'][number]['code'], message: string): CheckResult['findings'][number] {
  return { code, severity: 'error', line: 1, message, excerpt: null, detail: null, matched: null, column: null, suggestion: null, key: message };
}

/** check_draft answers held until the test gives them, in the order asked. */
function heldChecks() {
  const answers: { text: string; answer: (r: CheckResult) => void }[] = [];
  const backend = fakeBackend({
    check_draft: (a) => new Promise((ok) => answers.push({ text: a.text as string, answer: ok })),
  });
  return { answers, backend };
}

describe('DocSession', () => {
  afterEach(() => vi.useRealTimers());

  it('drops a late check answer of document A once document B is open', async () => {
    const { answers } = heldChecks();
    const a = DocSession.draft(DRAFT_A);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(a.checking).toBe(true);

    a.close();
    const b = DocSession.draft(DRAFT_B);
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers.map((x) => x.text)).toEqual(['甲稿正文。', '乙稿正文。']);

    answers[0].answer(sampleCheck({ findings: [finding('arith.order', '甲稿的问题')] }));
    await Promise.resolve();
    await new Promise((ok) => setTimeout(ok, 0));
    expect(a.check, 'the closed session takes no answer').toBeNull();
    expect(b.check, 'A’s answer never lands on B').toBeNull();
    expect(b.checking).toBe(true);

    answers[1].answer(sampleCheck({ findings: [finding('plan.unreported', '乙稿的问题')] }));
    await vi.waitFor(() => expect(b.check?.findings.map((f) => f.message)).toEqual(['乙稿的问题']));
    expect(b.checking).toBe(false);
  });

  it('drops a late save status of document A once document B is open', async () => {
    vi.useFakeTimers();
    let failSave: (e: unknown) => void = () => undefined;
    fakeBackend({ save_draft: () => new Promise((_, no) => (failSave = no)) });
    const a = DocSession.draft(DRAFT_A);
    a.typed('甲稿改了。');
    expect(a.saveStatus).toBe('saving');
    await vi.advanceTimersByTimeAsync(1000);

    a.close();
    const b = DocSession.draft(DRAFT_B);
    failSave({ code: 'store.io', message: '磁盘已满' });
    await vi.advanceTimersByTimeAsync(0);
    expect(b.saveStatus).toBe('saved');
    expect(b.saveError).toBeNull();
    expect(a.saveStatus, 'the closed session is left as it was').toBe('saving');
  });

  it('a report session neither checks nor saves', async () => {
    const backend = fakeBackend();
    const s = DocSession.report(1, sampleOutline());
    s.typed('不会保存');
    await s.flush();
    expect(s.hasAutosave).toBe(false);
    expect(s.checking).toBe(false);
    expect(backend.callsOf('check_draft')).toEqual([]);
    expect(backend.callsOf('save_draft')).toEqual([]);
  });
});

describe('the window with two drafts', () => {
  it('never shows the previous draft’s late checks on the next one', async () => {
    const answers: ((r: CheckResult) => void)[] = [];
    const backend = fakeBackend({
      library_overview: () =>
        sampleOverview({
          drafts: [
            { id: 7, title: '甲稿', year: 2024, lastReportId: 1, updatedAt: Date.UTC(2025, 0, 10) },
            { id: 8, title: '乙稿', year: 2025, lastReportId: 1, updatedAt: Date.UTC(2025, 0, 11) },
          ],
        }),
      open_draft: (a) => (a.draftId === 8 ? DRAFT_B : DRAFT_A),
      check_draft: () => new Promise((ok) => answers.push(ok)),
    });
    render(App);
    const items = await screen.findAllByTestId('draft-item');
    await fireEvent.click(items[0]);
    await waitFor(() => expect(answers).toHaveLength(1));
    await fireEvent.click(items[1]);
    await waitFor(() => expect(answers).toHaveLength(2));
    expect(new Set(backend.callsOf('open_draft').map((a) => a.draftId)), 'two drafts opened').toEqual(new Set([7, 8]));

    answers[0](sampleCheck({ findings: [finding('arith.order', '甲稿的问题')] }));
    await new Promise((ok) => setTimeout(ok, 20));
    expect(screen.queryAllByTestId('finding'), 'the first draft’s findings do not show on the second').toEqual([]);

    answers[1](sampleCheck({ findings: [finding('plan.unreported', '乙稿的问题')] }));
    await waitFor(() => expect(screen.getAllByTestId('finding').map((f) => f.textContent)).toEqual([expect.stringContaining('乙稿的问题')]));
  });
});
