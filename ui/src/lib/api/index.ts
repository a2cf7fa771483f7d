// The one door to the backend: nothing else in ui/src imports @tauri-apps/*. Components call
// these functions, so tests mock IPC (mockIPC) and never need a window. Every failure reaches
// callers as an IpcError {code, message}; callers switch on `code`, never on the message.
import { invoke } from '@tauri-apps/api/core';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open } from '@tauri-apps/plugin-dialog';
import type { AppInfo } from './bindings/AppInfo';
import type { IpcError } from './bindings/IpcError';
import type { OutlineSection } from './bindings/OutlineSection';
import type { ReportOutline } from './bindings/ReportOutline';

export type { AppInfo, IpcError, OutlineSection, ReportOutline };

/** File types the importer reads (design.md: detected by content; these only filter the dialog). */
export const REPORT_EXTENSIONS = ['txt', 'html', 'htm', 'docx'];

export function isIpcError(e: unknown): e is IpcError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as IpcError).code === 'string' &&
    typeof (e as IpcError).message === 'string'
  );
}

/** Anything thrown across the boundary, as an IpcError (unknown shapes become `ui.unexpected`). */
export function toIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'ui.unexpected', message: `意外错误 (unexpected error): ${message}` };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** Report files named on the app's command line, to open at start. */
export function startupFiles(): Promise<string[]> {
  return call<string[]>('startup_files');
}

/** Import a report file and get its text and outline. */
export function importFile(path: string): Promise<ReportOutline> {
  return call<ReportOutline>('import_file', { path });
}

/** Ask the drafter for one report file; null when they cancel. */
export async function pickReportFile(): Promise<string | null> {
  try {
    const picked = await open({
      multiple: false,
      directory: false,
      title: '导入报告',
      filters: [{ name: '报告（文本、网页、Word）', extensions: REPORT_EXTENSIONS }],
    });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    throw toIpcError(e);
  }
}

/** Call `onDrop` with the paths of files dropped on the window; resolves to an unsubscribe. */
export async function onFilesDropped(onDrop: (paths: string[]) => void): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    if (event.payload.type === 'drop' && event.payload.paths.length > 0) {
      onDrop(event.payload.paths);
    }
  });
}
