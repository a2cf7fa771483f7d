import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ReportMetaForm from './ReportMetaForm.svelte';
import LibraryPane from './LibraryPane.svelte';
import { Library } from './library.svelte';
import { fakeBackend, sampleOverview } from '../test/backend';
import type { ReportItem } from '../lib/api';

const UNREAD: ReportItem = { id: 7, government: '', year: 0, title: '无题.txt', fileName: '无题.txt', figureCount: 3 };

describe('ReportMetaForm', () => {
  it('says what could not be read and keeps what the drafter fills in', async () => {
    const backend = fakeBackend({
      set_report_meta: (a) => ({ ...UNREAD, government: a.government as string, year: a.year as number }),
    });
    const onsaved = vi.fn();
    render(ReportMetaForm, { report: UNREAD, onsaved, oncancel: vi.fn() });
    expect(screen.getByText(/没有读出机关和年度/)).toBeTruthy();
    const save = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
    expect(save.disabled, 'nothing to save while a field is empty').toBe(true);

    await fireEvent.input(screen.getByLabelText('报告机关'), { target: { value: ' 示例县人民政府 ' } });
    await fireEvent.input(screen.getByLabelText('报告年度'), { target: { value: '2024' } });
    expect(save.disabled).toBe(false);
    await fireEvent.click(save);
    await waitFor(() =>
      expect(onsaved).toHaveBeenCalledWith({ ...UNREAD, government: '示例县人民政府', year: 2024 }),
    );
    expect(backend.callsOf('set_report_meta')).toEqual([{ reportId: 7, government: '示例县人民政府', year: 2024 }]);
  });

  it('asks only for the year when the government was read, and refuses a year out of range', async () => {
    const backend = fakeBackend();
    render(ReportMetaForm, { report: { ...UNREAD, government: '示例市人民政府' }, onsaved: vi.fn(), oncancel: vi.fn() });
    expect(screen.getByText(/没有读出年度/)).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('报告年度'), { target: { value: '1899' } });
    expect((screen.getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('请填写 2000 至 2100 之间的年份。')).toBeTruthy();
    expect(backend.callsOf('set_report_meta')).toHaveLength(0);
  });

  it('shows the backend’s reason when saving fails', async () => {
    fakeBackend({
      set_report_meta: () => {
        throw { code: 'store.read_only', message: '资料库为只读，无法保存' };
      },
    });
    render(ReportMetaForm, { report: { ...UNREAD, year: 2023 }, onsaved: vi.fn(), oncancel: vi.fn() });
    await fireEvent.input(screen.getByLabelText('报告机关'), { target: { value: '示例区人民政府' } });
    await fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('只读');
  });

  it('is offered in the library for a report whose government or year was not read', async () => {
    let stored = UNREAD;
    const backend = fakeBackend({
      library_overview: () => ({ ...sampleOverview(), reports: [...sampleOverview().reports, stored] }),
      set_report_meta: (a) => (stored = { ...UNREAD, government: a.government as string, year: a.year as number }),
    });
    const library = new Library();
    await library.load();
    render(LibraryPane, {
      library,
      openKey: null,
      onopenreport: vi.fn(),
      onopendraft: vi.fn(),
      onnewdraft: vi.fn(async () => undefined),
    });
    const fill = screen.getAllByTestId('fill-meta-button');
    expect(fill, 'only the report that lacks them').toHaveLength(1);
    expect(fill[0].textContent).toContain('补填机关年度');
    await fireEvent.click(fill[0]);
    await fireEvent.input(screen.getByLabelText('报告机关'), { target: { value: '示例镇人民政府' } });
    await fireEvent.input(screen.getByLabelText('报告年度'), { target: { value: '2022' } });
    await fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryAllByTestId('fill-meta-button')).toHaveLength(0));
    expect(screen.getByRole('heading', { name: '示例镇人民政府' })).toBeTruthy();
    expect(backend.callsOf('library_overview').length, 'the list is read again').toBeGreaterThanOrEqual(2);
  });
});
