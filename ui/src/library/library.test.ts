import { describe, expect, it } from 'vitest';
import { Library, fileNameOf, groupLibrary } from './library.svelte';
import { REPORT_2022, REPORT_2023, fakeBackend, sampleOverview } from '../test/backend';

describe('Library', () => {
  it('imports files dropped during an import after it, none lost', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    fakeBackend({
      import_report: async (a) => {
        order.push(a.path as string);
        if (a.path === '/a/慢.txt') await gate;
        return { report: REPORT_2023, alreadyPresent: false };
      },
    });
    const library = new Library();
    const first = library.importPaths(['/a/慢.txt']);
    const second = library.importPaths(['/b/后拖入.docx']);
    await new Promise((r) => setTimeout(r, 0));
    expect(order, 'the second batch waits for the first').toEqual(['/a/慢.txt']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['/a/慢.txt', '/b/后拖入.docx']);
    expect(library.progress).toBeNull();
  });

  it('groups a draft without a known report under 本地稿件', () => {
    const groups = groupLibrary(
      sampleOverview({ drafts: [{ id: 3, title: '草稿', year: 2025, lastReportId: null, updatedAt: 0 }] }),
    );
    expect(groups.map((g) => g.government)).toEqual(['示例县人民政府', '本地稿件']);
    expect(groups[0].years.map((y) => [y.year, y.reports.map((r) => r.id)])).toEqual([
      [REPORT_2023.year, [REPORT_2023.id]],
      [REPORT_2022.year, [REPORT_2022.id]],
    ]);
  });

  it('tells the drafter a statistics table is material, not a report, and imports the rest', async () => {
    const imported: string[] = [];
    fakeBackend({
      import_report: (a) => {
        imported.push(a.path as string);
        return { report: REPORT_2023, alreadyPresent: false };
      },
    });
    const library = new Library();
    const outcomes = await library.importPaths(['/a/统计表.XLSX', '/a/去年报告.pdf', '/a/数据.csv', '/a/旧稿.wps']);
    expect(imported, 'PDF and WPS go to the importer; tables do not').toEqual(['/a/去年报告.pdf', '/a/旧稿.wps']);
    expect(outcomes).toHaveLength(2);
    expect(library.failures.map((f) => [f.fileName, f.error.code])).toEqual([
      ['统计表.XLSX', 'ui.statistics_table'],
      ['数据.csv', 'ui.statistics_table'],
    ]);
    expect(library.failures[0].error.message, 'a clear word, not "unsupported"').toContain('是统计表');
    expect(library.failures[0].error.message).toContain('材料');
    expect(library.failures[0].error.message).not.toContain('不支持');
  });

  it('names a file by the last part of its path on any platform', () => {
    expect(fileNameOf('C:\\报告\\示例县.docx')).toBe('示例县.docx');
    expect(fileNameOf('/home/d/示例县.txt')).toBe('示例县.txt');
  });
});
