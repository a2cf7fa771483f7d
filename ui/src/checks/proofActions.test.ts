// 改正, 全部改正 and 不是错误 in the checks pane, with the backend mocked.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ChecksPane from './ChecksPane.svelte';
import { draftDoc } from '../editor/openDoc';
import { fakeBackend, sampleCheck, sampleDraft } from '../test/backend';
import type { FindingItem } from '../lib/api';

// Codes come from the checker: the test reuses the sample's, never spells one.
const base = sampleCheck().findings;
const TYPO = base[1].code;
const PUNCT = base[2].code;

function proofFinding(code: FindingItem['code'], line: number, column: number, matched: string, suggestion: string): FindingItem {
  return {
    code,
    severity: 'warning',
    line,
    message: `“${matched}”应为“${suggestion}”`,
    excerpt: `……${matched}……`,
    detail: null,
    matched,
    column,
    suggestion,
    key: `${code}|${matched}|${line}`,
  };
}

const findings = [
  proofFinding(TYPO, 3, 2, '布署', '部署'),
  proofFinding(TYPO, 5, 0, '按排', '安排'),
  proofFinding(PUNCT, 6, 4, '，，', '，'),
];

function props(overrides: Record<string, unknown> = {}) {
  return {
    doc: draftDoc(sampleDraft({ id: 7, lastReportId: null })),
    result: sampleCheck({ findings }),
    text: '',
    cursorLine: 1,
    onselectline: vi.fn(),
    onjump: vi.fn(),
    onfix: vi.fn(),
    ...overrides,
  };
}

describe('proofreading actions', () => {
  it('改正 hands the finding’s replacement to the editor', async () => {
    fakeBackend();
    const p = props();
    render(ChecksPane, p);
    const fixes = await screen.findAllByTestId('finding-fix');
    expect(fixes, 'every finding with a suggestion has 改正').toHaveLength(3);
    await fireEvent.click(fixes[0]);
    expect(p.onfix).toHaveBeenCalledWith([expect.objectContaining({ line: 3, column: 2, matched: '布署', suggestion: '部署' })]);
  });

  it('全部改正 lists every change of one kind and applies them only when confirmed', async () => {
    fakeBackend();
    const p = props();
    render(ChecksPane, p);
    const buttons = await screen.findAllByTestId('fix-all');
    expect(buttons, 'offered for the kind with two fixes, not the one with one').toHaveLength(1);
    await fireEvent.click(buttons[0]);
    const list = screen.getByTestId('fix-all-list');
    expect(list.textContent).toContain('第3行');
    expect(list.textContent).toContain('第5行');
    expect(p.onfix, 'nothing changes before the drafter confirms').not.toHaveBeenCalled();
    await fireEvent.click(screen.getByTestId('fix-all-confirm'));
    expect(p.onfix).toHaveBeenCalledTimes(1);
    expect(p.onfix.mock.calls[0][0].map((f: { matched: string }) => f.matched)).toEqual(['布署', '按排']);
    expect(screen.queryByTestId('fix-all-list'), 'the list closes once applied').toBeNull();
  });

  it('不是错误 hides a finding, keeps the word in the library, and 恢复 brings it back', async () => {
    const backend = fakeBackend();
    render(ChecksPane, props());
    const dismiss = await screen.findAllByTestId('finding-dismiss');
    await fireEvent.click(dismiss[0]);
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));
    expect(backend.callsOf('dismiss_finding')).toEqual([{ draftId: 7, key: findings[0].key, label: '布署 → 部署' }]);
    expect(screen.getByText(/警告 2/), 'the counts leave dismissed findings out').toBeTruthy();
    await fireEvent.click(screen.getByTestId('dismissed-restore'));
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(3));
    expect(backend.callsOf('restore_finding')).toEqual([{ draftId: 7, key: findings[0].key }]);
  });

  it('a finding dismissed before (another session) stays hidden when the draft opens', async () => {
    const backend = fakeBackend({
      dismissed_findings: () => [{ key: findings[1].key, label: '按排 → 安排', dismissedAt: 1 }],
    });
    render(ChecksPane, props());
    await waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));
    expect(backend.callsOf('dismissed_findings')).toEqual([{ draftId: 7 }]);
    expect(screen.getByTestId('dismissed').textContent).toContain('按排 → 安排');
    expect(screen.queryAllByTestId('fix-all'), 'one typo left: no 全部改正').toHaveLength(0);
  });

  it('a dismissal the library refuses shows the finding again, with the reason', async () => {
    fakeBackend({
      dismiss_finding: () => {
        throw { code: 'store.read_only', message: '资料库只读' };
      },
    });
    render(ChecksPane, props());
    await fireEvent.click((await screen.findAllByTestId('finding-dismiss'))[0]);
    await waitFor(() => expect(screen.getByText(/资料库只读/)).toBeTruthy());
    expect(screen.getAllByTestId('finding')).toHaveLength(3);
  });
});
