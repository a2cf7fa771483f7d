// The deadlines strip: always in view for the open draft, asked again after a check answer
// (not on every keystroke), opening the details on a click.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { EditorView } from '@codemirror/view';
import App from '../App.svelte';
import DeadlineStrip from './DeadlineStrip.svelte';
import { fakeBackend, sampleCheck, sampleDraft, sampleOverview } from '../test/backend';
import type { DeliveryStatus } from '../lib/api';

function status(submitDays: number, submitBlocking: string[]): DeliveryStatus {
  return {
    today: '2025年2月10日',
    reportYear: 2024,
    deadlines: [
      { version: 'submit', label: '报送版', due: '2025年3月1日', daysLeft: submitDays, blocking: submitBlocking },
      { version: 'public', label: '公开版', due: '2025年4月1日', daysLeft: 50, blocking: [] },
    ],
    marks: [],
    errorFindings: 0,
    missingParts: [],
  };
}

const DRAFT = { id: 7, lastReportId: 1, year: 2024 };

describe('DeadlineStrip', () => {
  it('says the days left and how many things block each, and opens the details', async () => {
    const backend = fakeBackend({ delivery_status: () => status(19, ['缺文号', '待填标记 2 处']) });
    render(DeadlineStrip, { draft: DRAFT, text: () => '正文【月】', refresh: null });
    const strip = await screen.findByTestId('deadline-strip');
    expect(screen.getByTestId('strip-submit').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      '报送 3月1日 还有 19 天 · 2 项未完成',
    );
    expect(screen.getByTestId('strip-public').textContent?.replace(/\s+/g, ' ').trim()).toBe('公开 4月1日 还有 50 天');
    expect(backend.callsOf('delivery_status')).toEqual([
      { text: '正文【月】', draftId: 7, lastReportId: 1, year: 2024 },
    ]);
    expect(screen.queryByTestId('deadlines')).toBeNull();
    await fireEvent.click(strip);
    expect(screen.getByTestId('deadline-submit').textContent).toContain('尚缺：缺文号；待填标记 2 处');
    expect(backend.callsOf('delivery_status').length, 'asked afresh on opening').toBe(2);
    expect(strip.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(strip);
    expect(screen.queryByTestId('deadlines')).toBeNull();
  });

  it('asks again when refresh changes, with the text of that moment', async () => {
    let days = 19;
    const backend = fakeBackend({ delivery_status: () => status(days, days < 0 ? [] : ['缺文号']) });
    let text = '第一稿';
    const r = render(DeadlineStrip, { draft: DRAFT, text: () => text, refresh: 1 });
    await screen.findByTestId('deadline-strip');
    days = -2;
    text = '第二稿';
    await r.rerender({ draft: DRAFT, text: () => text, refresh: 2 });
    await waitFor(() => expect(screen.getByTestId('strip-submit').textContent).toContain('已过 2 天'));
    expect(screen.getByTestId('strip-submit').textContent).not.toContain('未完成');
    expect(backend.callsOf('delivery_status').map((a) => a.text)).toEqual(['第一稿', '第二稿']);
  });

  it('stays quiet when the deadlines cannot be asked', async () => {
    const backend = fakeBackend({
      delivery_status: () => {
        throw { code: 'store.not_found', message: '草稿不存在' };
      },
    });
    render(DeadlineStrip, { draft: DRAFT, text: () => '', refresh: null });
    await waitFor(() => expect(backend.callsOf('delivery_status').length).toBe(1));
    expect(screen.queryByTestId('deadline-strip')).toBeNull();
  });
});

describe('the strip in the window', () => {
  it('shows for the open draft and follows the check answers, not each keystroke', async () => {
    const draft = sampleDraft();
    const backend = fakeBackend({
      library_overview: () => sampleOverview({ seeded: true }),
      check_draft: () => sampleCheck(),
    });
    const { container } = render(App);
    await screen.findByTestId('deadline-strip');
    expect(screen.getByTestId('strip-submit').textContent).toContain('报送 3月1日 还有 19 天');
    await waitFor(() => expect(backend.callsOf('check_draft').length).toBeGreaterThan(0));
    const before = backend.callsOf('delivery_status').length;
    const checksBefore = backend.callsOf('check_draft').length;
    const root = container.querySelector<HTMLElement>('[data-testid="editor"]');
    const view = root && EditorView.findFromDOM(root);
    if (!view) throw new Error('no editor');
    view.dispatch({ changes: { from: 0, insert: '甲' } });
    view.dispatch({ changes: { from: 1, insert: '乙' } });
    await waitFor(() => expect(backend.callsOf('check_draft').length).toBe(checksBefore + 1), { timeout: 3000 });
    await waitFor(() => expect(backend.callsOf('delivery_status').length).toBe(before + 1));
    expect(backend.callsOf('delivery_status').at(-1)).toMatchObject({
      text: `甲乙${draft.text}`,
      draftId: draft.id,
    });
  });
});
