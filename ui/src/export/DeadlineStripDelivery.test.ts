// The deadline strip (window header) and the export dialog (editor pane) are far apart: when the
// dialog keeps the delivery fields, the strip asks its deadlines again at once, without waiting
// for the next check answer.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import DeadlineStrip from './DeadlineStrip.svelte';
import ExportDialog from './ExportDialog.svelte';
import { fakeBackend } from '../test/backend';
import type { DeliveryFieldsItem, DeliveryStatus } from '../lib/api';

const EMPTY: DeliveryFieldsItem = {
  issuingMark: null,
  docNumber: null,
  addressee: null,
  issuer: null,
  date: null,
  cc: null,
  publicDocNumber: false,
  publicAddressee: false,
};

function status(blocking: string[]): DeliveryStatus {
  return {
    today: '2025年2月10日',
    reportYear: 2024,
    deadlines: [
      { version: 'submit', label: '报送版', due: '2025年3月1日', daysLeft: 19, blocking },
      { version: 'public', label: '公开版', due: '2025年4月1日', daysLeft: 50, blocking: [] },
    ],
    marks: [],
    errorFindings: 0,
    missingParts: [],
  };
}

const DRAFT = { id: 7, lastReportId: 1, year: 2024 };

describe('the strip after the export dialog keeps the delivery fields', () => {
  it('asks again at once and shows the 报送版 unblocked', async () => {
    let kept: DeliveryFieldsItem = { ...EMPTY };
    const backend = fakeBackend({
      delivery_fields: () => ({ fields: { ...kept }, fromDraft: { ...EMPTY } }),
      delivery_status: () => status(kept.docNumber ? [] : ['缺文号']),
      save_delivery_fields: (a) => {
        kept = a.fields as DeliveryFieldsItem;
        return null;
      },
      'plugin:dialog|save': () => '/home/d/报送',
      export_version: (a) => ({ path: a.path, bytes: 30000 }),
      e2e_save_path: () => null,
    });
    // The same check answer throughout: only the kept fields can make the strip ask again.
    render(DeadlineStrip, { draft: DRAFT, text: () => '示例县2024年报告正文', refresh: 'check-1' });
    await waitFor(() => expect(screen.getByTestId('strip-submit').textContent).toContain('1 项未完成'));
    const stripAsks = backend.callsOf('delivery_status').length;

    render(ExportDialog, { text: vi.fn(() => '示例县2024年报告正文'), name: '示例县2024年度报告', onclose: vi.fn(), draft: DRAFT });
    await screen.findByTestId('deadline-submit');
    await fireEvent.click(screen.getByTestId('export-version-submit'));
    await fireEvent.input(screen.getByTestId('delivery-docNumber'), { target: { value: '示政发〔2025〕3号' } });
    await fireEvent.click(screen.getByTestId('export-confirm'));
    await screen.findByTestId('export-result');

    expect(backend.callsOf('save_delivery_fields')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('strip-submit').textContent).not.toContain('未完成'));
    expect(screen.getByTestId('strip-submit').classList.contains('ready')).toBe(true);
    // The strip's own ask (beside the dialog's first and last): one more than before the dialog.
    expect(backend.callsOf('delivery_status').length).toBeGreaterThanOrEqual(stripAsks + 3);
  });
});
