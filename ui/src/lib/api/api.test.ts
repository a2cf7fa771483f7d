import { describe, expect, it } from 'vitest';
import { mockIPC } from './testing';
import {
  IMPORT_FILTERS,
  IMPORT_FORMATS_LABEL,
  REPORT_EXTENSIONS,
  STATISTICS_EXTENSIONS,
  isStatisticsTable,
  checkDraft,
  e2eSavePath,
  importFile,
  listTemplates,
  pickExportPath,
  pickReportFile,
  pickReportFiles,
  saveDraft,
  searchLibrary,
  toIpcError,
} from './index';
import { sampleOutline } from '../../test/fixtures';

describe('the backend door', () => {
  it('sends the path to import_file and returns the outline', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return sampleOutline();
    });
    const outline = await importFile('/tmp/示例县.txt');
    expect(seen, 'the command name and argument are the contract with src-tauri').toEqual([
      ['import_file', { path: '/tmp/示例县.txt' }],
    ]);
    expect(outline.file_name).toBe('示例县2024年报告.txt');
  });

  it('passes a coded backend error through unchanged', async () => {
    mockIPC(() => {
      throw { code: 'import.empty', message: '文件为空 (the file is empty)' };
    });
    await expect(importFile('/tmp/空.txt'), 'panes switch on the code').rejects.toEqual({
      code: 'import.empty',
      message: '文件为空 (the file is empty)',
    });
  });

  it('keeps the technical detail of an import error for 详情', async () => {
    mockIPC(() => {
      throw { code: 'import.corrupt_zip', message: 'Word 文档已损坏或不完整。', detail: '压缩包已损坏 (damaged): corrupt deflate stream' };
    });
    await expect(importFile('/tmp/坏.docx')).rejects.toEqual({
      code: 'import.corrupt_zip',
      message: 'Word 文档已损坏或不完整。',
      detail: '压缩包已损坏 (damaged): corrupt deflate stream',
    });
  });

  it('asks for the standard parts once, and again after a failure', async () => {
    const asked: string[] = [];
    mockIPC((cmd) => {
      asked.push(cmd);
      throw { code: 'app.state', message: '出错了' };
    });
    await expect(listTemplates()).rejects.toMatchObject({ code: 'app.state' });
    mockIPC((cmd) => {
      asked.push(cmd);
      return [{ kind: 'disputes', label: '化解矛盾纠纷' }];
    });
    const [a, b] = await Promise.all([listTemplates(), listTemplates()]);
    expect(await listTemplates()).toBe(a);
    expect(b).toBe(a);
    expect(a.map((t) => t.kind)).toEqual(['disputes']);
    expect(asked, 'one failed call, then one call for every later asker').toEqual(['list_templates', 'list_templates']);
  });

  it('turns an unexpected throw into a ui.unexpected error', () => {
    expect(toIpcError(new Error('boom')).code, 'every failure has a code').toBe('ui.unexpected');
  });

  it('offers every format the importer reads in the import dialog and names them in the drop hint', async () => {
    const every = ['txt', 'html', 'htm', 'docx', 'doc', 'wps', 'pdf', 'xlsx', 'xls', 'et', 'csv'];
    expect([...REPORT_EXTENSIONS, ...STATISTICS_EXTENSIONS].sort()).toEqual([...every].sort());
    expect(IMPORT_FILTERS[0].extensions.sort(), 'the first (default) filter shows them all').toEqual([...every].sort());
    for (const ext of every.filter((e) => e !== 'htm')) expect(IMPORT_FORMATS_LABEL).toContain(`.${ext}`);
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd === 'plugin:dialog|open' ? ['/a/去年.pdf'] : undefined;
    });
    await pickReportFiles();
    const options = (seen[0] as [string, { options: { filters: unknown } }])[1].options;
    expect(options.filters, 'the dialog gets these filters').toEqual(IMPORT_FILTERS);
    expect(isStatisticsTable('C:\\材料\\统计.ET')).toBe(true);
    expect(isStatisticsTable('/a/报告.pdf')).toBe(false);
    expect(isStatisticsTable('/a.csv/报告')).toBe(false);
  });

  it('returns null when the drafter cancels the file dialog', async () => {
    mockIPC((cmd) => (cmd === 'plugin:dialog|open' ? null : undefined));
    expect(await pickReportFile(), 'cancel is not an error').toBeNull();
  });

  it('returns every file picked for import, and none on cancel', async () => {
    mockIPC((cmd) => (cmd === 'plugin:dialog|open' ? ['/a/甲.txt', '/a/乙.docx'] : undefined));
    expect(await pickReportFiles()).toEqual(['/a/甲.txt', '/a/乙.docx']);
    mockIPC((cmd) => (cmd === 'plugin:dialog|open' ? null : undefined));
    expect(await pickReportFiles(), 'cancel is an empty list, not an error').toEqual([]);
  });

  it('uses the e2e save path instead of the dialog, and the dialog otherwise', async () => {
    const seen: string[] = [];
    mockIPC((cmd) => {
      seen.push(cmd);
      if (cmd === 'e2e_save_path') return '/tmp/e2e/out.docx';
      return '/never/asked.docx';
    });
    expect(await pickExportPath('草稿.docx', 'docx')).toBe('/tmp/e2e/out.docx');
    expect(seen, 'no dialog when the path is fixed').toEqual(['e2e_save_path']);

    mockIPC((cmd) => {
      if (cmd === 'e2e_save_path') throw 'command e2e_save_path not found';
      if (cmd === 'plugin:dialog|save') return '/home/d/草稿.md';
      throw new Error(cmd);
    });
    expect(await e2eSavePath(), 'an app without the command behaves as in normal use').toBeNull();
    expect(await pickExportPath('草稿.md', 'md')).toBe('/home/d/草稿.md');
  });

  it('sends camelCase arguments as the contract names them', async () => {
    const seen: unknown[] = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return cmd === 'search_library' ? [] : {};
    });
    await saveDraft(7, '正文');
    await checkDraft('正文', { lastReportId: 1, year: 2024 });
    await searchLibrary('复议', { year: 2023 });
    expect(seen).toEqual([
      ['save_draft', { draftId: 7, text: '正文' }],
      ['check_draft', { text: '正文', lastReportId: 1, year: 2024 }],
      ['search_library', { query: '复议', year: 2023 }],
    ]);
  });
});
