import { describe, expect, it } from 'vitest';
import { mockIPC } from './testing';
import { importFile, pickReportFile, toIpcError } from './index';
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

  it('turns an unexpected throw into a ui.unexpected error', () => {
    expect(toIpcError(new Error('boom')).code, 'every failure has a code').toBe('ui.unexpected');
  });

  it('returns null when the drafter cancels the file dialog', async () => {
    mockIPC((cmd) => (cmd === 'plugin:dialog|open' ? null : undefined));
    expect(await pickReportFile(), 'cancel is not an error').toBeNull();
  });
});
