import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import ExportDialog from './ExportDialog.svelte';
import Deadlines from './Deadlines.svelte';
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

function status(overrides: Partial<DeliveryStatus> = {}): DeliveryStatus {
  return {
    today: '2025年2月10日',
    reportYear: 2024,
    deadlines: [
      { version: 'submit', label: '报送版', due: '2025年3月1日', daysLeft: 19, blocking: ['缺文号', '待填标记 2 处'] },
      { version: 'public', label: '公开版', due: '2025年4月1日', daysLeft: 50, blocking: ['待填标记 2 处'] },
    ],
    marks: [
      { paragraph: 5, mark: '【113件→？】' },
      { paragraph: 9, mark: '【月】' },
    ],
    errorFindings: 0,
    missingParts: [],
    ...overrides,
  };
}

function props() {
  return {
    text: vi.fn(() => '示例县2024年报告正文【113件→？】'),
    name: '示例县2024年度报告（草稿）',
    onclose: vi.fn(),
    draft: { id: 7, lastReportId: 1, year: 2024 },
  };
}

function delivery(extra: Record<string, (a: Record<string, unknown>) => unknown> = {}) {
  return fakeBackend({
    delivery_fields: () => ({
      fields: { ...EMPTY, docNumber: '示政发〔2025〕3号' },
      fromDraft: { ...EMPTY, addressee: '示例市人民政府', issuer: '示例县人民政府' },
    }),
    delivery_status: () => status(),
    save_delivery_fields: () => null,
    e2e_save_path: () => null,
    ...extra,
  });
}

describe('Deadlines', () => {
  it('shows the days left to 3月1日 and 4月1日 and what blocks each', () => {
    render(Deadlines, { status: status() });
    const submit = screen.getByTestId('deadline-submit').textContent ?? '';
    expect(submit).toContain('报送版');
    expect(submit).toContain('2025年3月1日');
    expect(submit).toContain('还有 19 天');
    expect(submit).toContain('缺文号');
    expect(screen.getByTestId('deadline-public').textContent).toContain('还有 50 天');
    expect(screen.getByTestId('deadline-marks').textContent).toContain('第5段 【113件→？】');
  });

  it('says when a deadline has passed and when a version is ready', () => {
    render(Deadlines, {
      status: status({
        deadlines: [
          { version: 'submit', label: '报送版', due: '2025年3月1日', daysLeft: -3, blocking: [] },
          { version: 'public', label: '公开版', due: '2025年4月1日', daysLeft: 0, blocking: [] },
        ],
        marks: [],
      }),
    });
    expect(screen.getByTestId('deadline-submit').textContent).toContain('已过 3 天');
    expect(screen.getByTestId('deadline-submit').textContent).toContain('可以导出');
    expect(screen.getByTestId('deadline-public').textContent).toContain('今天截止');
    expect(screen.queryByTestId('deadline-marks')).toBeNull();
  });
});

describe('ExportDialog versions', () => {
  it('shows the deadlines and exports the 报送版 as .docx with the kept fields saved first', async () => {
    const backend = delivery({
      'plugin:dialog|save': () => '/home/d/报送',
      export_version: (a) => ({ path: a.path, bytes: 30000 }),
    });
    render(ExportDialog, props());
    expect((await screen.findByTestId('deadline-submit')).textContent).toContain('还有 19 天');
    await fireEvent.click(screen.getByTestId('export-version-submit'));
    expect(screen.queryByRole('radio', { name: /Markdown/ }), 'the 报送版 is a Word document').toBeNull();
    const number = screen.getByTestId('delivery-docNumber') as HTMLInputElement;
    expect(number.value).toBe('示政发〔2025〕3号');
    const addressee = screen.getByTestId('delivery-addressee') as HTMLInputElement;
    expect(addressee.value).toBe('');
    expect(addressee.placeholder, 'what the draft says shows as the placeholder').toBe('示例市人民政府');
    await fireEvent.input(addressee, { target: { value: '示例市人民政府办公室' } });
    await fireEvent.click(screen.getByTestId('export-confirm'));
    expect((await screen.findByTestId('export-result')).textContent).toContain('/home/d/报送.docx');
    expect(backend.callsOf('save_delivery_fields')).toEqual([
      { draftId: 7, fields: { ...EMPTY, docNumber: '示政发〔2025〕3号', addressee: '示例市人民政府办公室' } },
    ]);
    expect(backend.callsOf('export_version')).toEqual([
      { draftId: 7, text: '示例县2024年报告正文【113件→？】', version: 'submit', path: '/home/d/报送.docx' },
    ]);
    const names = backend.calls.map(([cmd]) => cmd);
    expect(names.indexOf('save_delivery_fields')).toBeLessThan(names.indexOf('export_version'));
    expect(backend.callsOf('delivery_status').length, 'the deadlines are asked again after the fields were kept').toBe(2);
  });

  it('offers the 公开版 as .docx or portal .html and lists the marks when it is refused', async () => {
    const backend = delivery({
      'plugin:dialog|save': () => '/home/d/公开.html',
      export_version: () => {
        throw { code: 'draft.marks_left', message: '公开版还有 2 处待填标记：第5段【113件→？】、第9段【月】' };
      },
    });
    render(ExportDialog, props());
    await screen.findByTestId('deadlines');
    await fireEvent.click(screen.getByTestId('export-version-public'));
    expect(screen.queryByTestId('delivery-cc'), 'no 抄送 on the portal').toBeNull();
    await fireEvent.click(screen.getByRole('radio', { name: /网页/ }));
    await fireEvent.click(screen.getByTestId('export-confirm'));
    const list = await screen.findByTestId('export-marks-left');
    expect(list.textContent).toContain('第5段 【113件→？】');
    expect(list.textContent).toContain('第9段 【月】');
    expect(screen.getByTestId('error-banner').textContent).toContain('请先填写全部待填标记');
    expect(screen.queryByTestId('export-result')).toBeNull();
    expect(backend.callsOf('export_version')[0]).toMatchObject({ version: 'public', path: '/home/d/公开.html' });
  });

  it('a report (no draft) exports as written without fields or deadlines', async () => {
    const backend = fakeBackend({ 'plugin:dialog|save': () => null });
    render(ExportDialog, { ...props(), draft: null });
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.queryByTestId('deadlines')).toBeNull();
    await fireEvent.click(screen.getByTestId('export-version-submit'));
    expect(screen.queryByTestId('delivery-fields')).toBeNull();
    expect(backend.callsOf('delivery_fields')).toEqual([]);
  });
});
