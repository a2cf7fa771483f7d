import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import SectionDiffView from './SectionDiffView.svelte';
import { fakeBackend } from '../test/backend';
import type { SectionDiff } from '../lib/api';

const DIFF: SectionDiff = {
  heading: '（一）行政复议',
  lastHeading: '（一）行政复议',
  parts: [
    { text: '全年收到行政复议申请', op: 'equal' },
    { text: '48', op: 'delete' },
    { text: '56', op: 'insert' },
    { text: '件，', op: 'equal' },
    { text: '<i>旧</i>', op: 'delete' },
    { text: '新增调解', op: 'insert' },
  ],
};

describe('SectionDiffView', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('puts last year’s words left and this year’s right, changes marked', async () => {
    const backend = fakeBackend({ section_diff: () => DIFF });
    const { container } = render(SectionDiffView, { text: 'T', line: 6, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    const [left, right] = [...container.querySelectorAll('.col p')];
    expect(left.textContent).toBe('全年收到行政复议申请48件，<i>旧</i>');
    expect(right.textContent).toBe('全年收到行政复议申请56件，新增调解');
    expect([...left.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['48', '<i>旧</i>']);
    expect([...right.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['56', '新增调解']);
    expect(container.querySelector('i'), 'diff text is data').toBeNull();
    expect(backend.callsOf('section_diff')).toEqual([{ text: 'T', line: 6, lastReportId: 1 }]);
    expect(screen.getByTestId('diff-view').textContent).toContain('上年 · （一）行政复议');
  });

  it('shows the same columns wide over the window on 放大, and puts them back on Esc or 收起', async () => {
    fakeBackend({ section_diff: () => DIFF });
    const { container } = render(SectionDiffView, { text: 'T', line: 6, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    expect(screen.queryByTestId('diff-wide')).toBeNull();
    await fireEvent.click(screen.getByTestId('diff-zoom'));
    const wide = screen.getByRole('dialog', { name: '本部分对照上年' });
    expect(wide.querySelectorAll('.col p')[1].textContent, 'the same words, bigger').toBe('全年收到行政复议申请56件，新增调解');
    const close = screen.getByRole('button', { name: '收起' });
    expect(document.activeElement, 'the keyboard goes to 收起').toBe(close);
    await fireEvent.keyDown(wide, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(container.querySelectorAll('.col p'), 'still shown in the pane').toHaveLength(2);
    await fireEvent.click(screen.getByTestId('diff-zoom'));
    await fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks once per pause and ignores an answer about older text', async () => {
    const answers: ((d: SectionDiff) => void)[] = [];
    const backend = fakeBackend({ section_diff: () => new Promise((ok) => answers.push(ok)) });
    const { container, rerender } = render(SectionDiffView, { text: 'A', line: 1, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    await rerender({ text: 'AB', line: 1, lastReportId: 1 });
    await rerender({ text: 'ABC', line: 1, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    expect(backend.callsOf('section_diff').map((a) => a.text), 'typing within the pause is one request').toEqual(['A', 'ABC']);
    answers[1]({ heading: '新', lastHeading: null, parts: [{ text: '新的', op: 'insert' }] });
    await vi.advanceTimersByTimeAsync(0);
    answers[0]({ heading: '旧', lastHeading: null, parts: [{ text: '旧的', op: 'insert' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(container.querySelectorAll('.col p')[1].textContent, 'the late answer about "A" is dropped').toBe('新的');
  });

  it('says so when the section is unchanged from last year', async () => {
    fakeBackend({ section_diff: () => ({ heading: '三、', lastHeading: '三、', parts: [{ text: '同样的话', op: 'equal' }] }) });
    render(SectionDiffView, { text: 'T', line: 1, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    expect(screen.getByText(/与上年该部分完全相同/)).toBeTruthy();
  });

  it('explains a cursor outside every section instead of showing an error', async () => {
    fakeBackend({
      section_diff: () => {
        throw { code: 'app.no_section', message: '该行不在任何部分中 (the line is in no section)' };
      },
    });
    render(SectionDiffView, { text: 'T', line: 1, lastReportId: 1 });
    await vi.advanceTimersByTimeAsync(600);
    expect(screen.getByTestId('diff-view').textContent).toContain('把光标放到正文的某一部分中');
  });
});
