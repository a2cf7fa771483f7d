// The one door to the backend: nothing else in ui/src imports @tauri-apps/*. Components call
// these functions, so tests mock IPC (mockIPC) and never need a window. Every failure reaches
// callers as an IpcError {code, message}; callers switch on `code`, never on the message.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import { getCurrentWindow } from '@tauri-apps/api/window';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { AppInfo } from './bindings/AppInfo';
import type { CallArgs, CommandName, CommandResult } from './commands';
import type { ErrorCode } from './bindings/ErrorCode';
import type { IpcError } from './bindings/IpcError';
import type { OutlineSection } from './bindings/OutlineSection';
import type { ReportOutline } from './bindings/ReportOutline';

import type {
  CheckResult,
  DismissedFinding,
  DraftDoc,
  ExportOutcome,
  ImportOutcome,
  LibraryOverview,
  MetricPoint,
  SavedVersion,
  SearchResult,
  SectionDiff,
  TemplateItem,
  VersionItem,
  BackupItem,
  LibraryStart,
  RestoreOutcome,
  ReportItem,
} from './types';

export type { AppInfo, ErrorCode, IpcError, OutlineSection, ReportOutline };
export type { CommandArgs, CommandName, CommandResult, Commands } from './commands';
export type * from './types';

/**
 * File types the importer reads (docs/formats.md: detected by content; these only filter the
 * dialog): text, saved web pages, Word (.docx, 97–2003 .doc), WPS (.wps), PDF with a text layer.
 */
export const REPORT_EXTENSIONS = ['txt', 'html', 'htm', 'docx', 'doc', 'wps', 'pdf'];

/** Statistics tables (Excel, WPS 表格, CSV): figures for a draft, not reports (issue 16's materials). */
export const STATISTICS_EXTENSIONS = ['xlsx', 'xls', 'et', 'csv'];

/** The import dialog's filters: everything read first, then reports and tables on their own. */
export const IMPORT_FILTERS = [
  { name: '全部可导入的文件', extensions: [...REPORT_EXTENSIONS, ...STATISTICS_EXTENSIONS] },
  { name: '报告（文本、网页、Word、WPS、PDF）', extensions: REPORT_EXTENSIONS },
  { name: '统计表（Excel、WPS 表格、CSV）', extensions: STATISTICS_EXTENSIONS },
];

/** The formats named to the drafter (drop hints): every extension the importer reads. */
export const IMPORT_FORMATS_LABEL = '.txt、.html、.docx、.doc、.wps、.pdf、.xlsx、.xls、.et、.csv';

/** Whether a path names a statistics table (by its extension). */
export function isStatisticsTable(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 && STATISTICS_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

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
  if (isIpcError(e)) {
    const detail = (e as { detail?: unknown }).detail;
    return typeof detail === 'string' ? { code: e.code, message: e.message, detail } : { code: e.code, message: e.message };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'ui.unexpected', message: `意外错误 (unexpected error): ${message}` };
}

/** One backend command, typed by `Commands` (commands.ts): its name, arguments and answer. */
async function call<K extends CommandName>(cmd: K, ...[args]: CallArgs<K>): Promise<CommandResult<K>> {
  try {
    return await invoke<CommandResult<K>>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export function appInfo(): Promise<AppInfo> {
  return call('app_info');
}

/** Report files named on the app's command line, to open at start. */
export function startupFiles(): Promise<string[]> {
  return call('startup_files');
}

/** Import a report file and get its text and outline. */
export function importFile(path: string): Promise<ReportOutline> {
  return call('import_file', { path });
}

/** Export formats by extension (docs/ipc.md `export_draft`). */
export const EXPORT_EXTENSIONS = ['docx', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_EXTENSIONS)[number];

/** Ask the drafter for one report file; null when they cancel. */
export async function pickReportFile(): Promise<string | null> {
  try {
    const picked = await open({
      multiple: false,
      directory: false,
      title: '导入报告',
      filters: IMPORT_FILTERS,
    });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    throw toIpcError(e);
  }
}

/**
 * Call `onDrop` with the paths of files dropped on the window, and `onHover` when files are
 * dragged over it (true) or away (false); resolves to an unsubscribe.
 */
export async function onFilesDropped(
  onDrop: (paths: string[]) => void,
  onHover: (over: boolean) => void = () => undefined,
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === 'enter' || payload.type === 'over') onHover(true);
    else if (payload.type === 'leave') onHover(false);
    else if (payload.type === 'drop') {
      onHover(false);
      if (payload.paths.length > 0) onDrop(payload.paths);
    }
  });
}

/** Ask the drafter for report files (several at once); an empty list when they cancel. */
export async function pickReportFiles(): Promise<string[]> {
  try {
    const picked = await open({
      multiple: true,
      directory: false,
      title: '导入报告',
      filters: IMPORT_FILTERS,
    });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (e) {
    throw toIpcError(e);
  }
}

/** The export path the end-to-end tests fix in advance (no dialog then); null in normal use. */
export async function e2eSavePath(): Promise<string | null> {
  try {
    return await invoke<CommandResult<'e2e_save_path'>>('e2e_save_path' satisfies CommandName);
  } catch {
    // An app built without the command behaves as in normal use: the dialog asks.
    return null;
  }
}

/**
 * Where to export: the save dialog (or the e2e path when one is set); null when they cancel.
 * `defaultName` carries the extension of the chosen format.
 */
export async function pickExportPath(defaultName: string, format: ExportFormat): Promise<string | null> {
  const fixed = await e2eSavePath();
  if (fixed) return fixed;
  const names: Record<ExportFormat, string> = {
    docx: 'Word 文档',
    md: 'Markdown 文本',
    html: '网页',
  };
  try {
    const picked = await save({
      title: '导出稿件',
      defaultPath: defaultName,
      filters: [{ name: names[format], extensions: [format] }],
    });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    throw toIpcError(e);
  }
}

/**
 * Ask `beforeClose` (save pending typing) when the drafter closes the window: the window closes
 * when it resolves true, and stays open when it resolves false (the text could not be saved and
 * the drafter is told). A throw counts as true: closing must never be blocked by a bug.
 * Resolves to an unsubscribe.
 */
export async function onCloseRequested(beforeClose: () => Promise<boolean>): Promise<() => void> {
  return getCurrentWindow().onCloseRequested(async (event) => {
    let close = true;
    try {
      close = await beforeClose();
    } catch {
      close = true;
    }
    if (!close) event.preventDefault();
  });
}

// ---- the library -------------------------------------------------------------------------

/** Reports and drafts by government and year; seeds the sample library on a first start. */
export function libraryOverview(): Promise<LibraryOverview> {
  return call('library_overview');
}

/** Import one file into the library (the same file twice is found, not added again). */
export function importReport(path: string): Promise<ImportOutcome> {
  return call('import_report', { path });
}

/**
 * Keep the drafter's government and year for a report whose text did not give them (a blank
 * government or a year of 0 leaves that field as it is); the checker uses them from then on.
 */
export function setReportMeta(reportId: number, government: string, year: number): Promise<ReportItem> {
  return call('set_report_meta', { reportId, government, year });
}

/** A stored report's text and outline, for reading. */
export function openReport(reportId: number): Promise<ReportOutline> {
  return call('open_report', { reportId });
}

export interface SearchFilters {
  government?: string;
  year?: number;
  kind?: string;
}

/** Full-text search of the library; snippets come as parts, never HTML. */
export function searchLibrary(query: string, filters: SearchFilters = {}): Promise<SearchResult[]> {
  return call('search_library', { query, ...filters });
}

// ---- drafts ------------------------------------------------------------------------------

/** Draft `year`'s report from a stored report (stored with a first version). */
export function newDraft(reportId: number, year: number): Promise<DraftDoc> {
  return call('new_draft', { reportId, year });
}

export function openDraft(draftId: number): Promise<DraftDoc> {
  return call('open_draft', { draftId });
}

/** Autosave: every call stores one version. */
export function saveDraft(draftId: number, text: string): Promise<SavedVersion> {
  return call('save_draft', { draftId, text });
}

/** Saved versions, newest first. */
export function listVersions(draftId: number): Promise<VersionItem[]> {
  return call('list_versions', { draftId });
}

export function getVersion(versionId: number): Promise<string> {
  return call('get_version', { versionId });
}

// ---- checks ------------------------------------------------------------------------------

export interface CheckContext {
  lastReportId?: number;
  year?: number;
}

/** Outline, findings and the figure table of the text as typed, against last year's report. */
export function checkDraft(text: string, context: CheckContext = {}): Promise<CheckResult> {
  return call('check_draft', { text, ...context });
}

/** 不是错误: keep the drafter's word about a finding (`key`) of a draft; `label` for the list. */
export function dismissFinding(draftId: number, key: string, label: string): Promise<void> {
  return call('dismiss_finding', { draftId, key, label });
}

/** Take a 不是错误 back: the finding shows again. True when there was one. */
export function restoreFinding(draftId: number, key: string): Promise<boolean> {
  return call('restore_finding', { draftId, key });
}

/** The findings the drafter dismissed in a draft, oldest first. */
export function dismissedFindings(draftId: number): Promise<DismissedFinding[]> {
  return call('dismissed_findings', { draftId });
}

/** Word-level diff of the section holding `line` against last year's section of the same kind. */
export function sectionDiff(text: string, line: number, lastReportId: number): Promise<SectionDiff> {
  return call('section_diff', { text, line, lastReportId });
}

export function listMetrics(government: string): Promise<string[]> {
  return call('list_metrics', { government });
}

export function metricHistory(government: string, metric: string): Promise<MetricPoint[]> {
  return call('metric_history', { government, metric });
}

// ---- templates and export ----------------------------------------------------------------

let templateList: Promise<TemplateItem[]> | undefined;

/**
 * The standard parts (fixed for the app's life: each is rendered afresh by `renderTemplate`).
 * Asked once and shared by the library's filter and the editor's picker; asked again after a failure.
 */
export function listTemplates(): Promise<TemplateItem[]> {
  templateList ??= call('list_templates').catch((e: unknown) => {
    templateList = undefined;
    throw e;
  });
  return templateList;
}

export function renderTemplate(kind: string, year: number): Promise<string> {
  return call('render_template', { kind, year });
}

/** Write the text as .docx/.md/.html (by the path's extension). */
export function exportDraft(text: string, path: string): Promise<ExportOutcome> {
  return call('export_draft', { text, path });
}

// ---- delivery: 报送版 / 公开版 and the deadlines ------------------------------------------------

import type { DeliveryFieldsItem, DeliveryForm, DeliveryStatus } from './types';

/** Which version of a draft to export: as written, 报送版 (submit) or 公开版 (public). */
export type ExportVersion = 'plain' | 'submit' | 'public';

/** The formats each version is written in: 报送版 as .docx, 公开版 as .docx or portal .html. */
export const VERSION_FORMATS: Record<ExportVersion, readonly ExportFormat[]> = {
  plain: EXPORT_EXTENSIONS,
  submit: ['docx'],
  public: ['docx', 'html'],
};

/** A draft's delivery fields (文号, 主送机关, 落款, 成文日期, 抄送…) beside what its text says. */
export function deliveryFields(draftId: number, text: string): Promise<DeliveryForm> {
  return call('delivery_fields', { draftId, text });
}

/** Keep a draft's delivery fields (used by both versions). */
export function saveDeliveryFields(draftId: number, fields: DeliveryFieldsItem): Promise<void> {
  return call('save_delivery_fields', { draftId, fields });
}

/** Write the 报送版 or 公开版; refused (draft.marks_left, draft.delivery_incomplete) with the reason. */
export function exportVersion(
  draftId: number | null,
  text: string,
  version: 'submit' | 'public',
  path: string,
): Promise<ExportOutcome> {
  return call('export_version', { draftId, text, version, path });
}

/** Days left to 3月1日 (报送版) and 4月1日 (公开版), and what blocks each. */
export function deliveryStatus(
  text: string,
  context: { draftId?: number | null; lastReportId?: number | null; year?: number | null } = {},
): Promise<DeliveryStatus> {
  return call('delivery_status', {
    text,
    draftId: context.draftId ?? null,
    lastReportId: context.lastReportId ?? null,
    year: context.year ?? null,
  });
}

// ---- the library kept safe ---------------------------------------------------------------

/** How the library was found at start: recovered from damage (with what came back), read-only, fine. */
export function libraryStart(): Promise<LibraryStart> {
  return call('library_start');
}

/** The library's backups, newest first (date, size, drafts in each). */
export function listBackups(): Promise<BackupItem[]> {
  return call('list_backups');
}

/** Restore a listed backup; the current library is kept as a backup first. */
export function restoreBackup(path: string): Promise<RestoreOutcome> {
  return call('restore_backup', { path });
}

/** Today's backup unless one was made already (null then). */
export function backupIfDue(): Promise<BackupItem | null> {
  return call('backup_if_due');
}

/**
 * Files a second start of the app was asked to open (the second start brings this window
 * forward instead of opening another); resolves to an unsubscribe.
 */
export async function onOpenFiles(open: (paths: string[]) => void): Promise<() => void> {
  return listen<string[]>('open-files', (event) => {
    if (event.payload.length > 0) open(event.payload);
  });
}

// ---- departments' materials (docs/ipc.md) --------------------------------------------------

import type {
  DepartmentItem,
  FillItem,
  MaterialBatch,
  MaterialHitItem,
  MaterialInsert,
  MaterialParagraphItem,
  MaterialProgress,
  MaterialsOverview,
  TrailItem,
} from './types';

/** Ask the drafter for material files (several at once); an empty list when they cancel. */
export async function pickMaterialFiles(): Promise<string[]> {
  try {
    const picked = await open({ multiple: true, directory: false, title: '导入部门材料', filters: IMPORT_FILTERS });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (e) {
    throw toIpcError(e);
  }
}

/** Ask the drafter for a folder of materials; an empty list when they cancel. */
export async function pickMaterialFolder(): Promise<string[]> {
  try {
    const picked = await open({ multiple: false, directory: true, title: '导入部门材料所在的文件夹' });
    if (picked === null) return [];
    return Array.isArray(picked) ? picked : [picked];
  } catch (e) {
    throw toIpcError(e);
  }
}

/** Import files and folders as a draft's materials; a broken file is listed, the rest imported. */
export function importMaterials(draftId: number, paths: string[]): Promise<MaterialBatch> {
  return call('import_materials', { draftId, paths });
}

/** Stop the running batch before its next file. */
export function cancelMaterialsImport(): Promise<void> {
  return call('cancel_materials_import');
}

/** Progress of a batch import (`done` of `total` files); resolves to an unsubscribe. */
export async function onMaterialsProgress(progress: (p: MaterialProgress) => void): Promise<() => void> {
  return listen<MaterialProgress>('materials-progress', (event) => progress(event.payload));
}

/** Materials, departments (who has not sent) and parts of a draft; `text`: the editor's text. */
export function materialsOverview(draftId: number, text: string | null): Promise<MaterialsOverview> {
  return call('materials_overview', { draftId, text });
}

/** Material paragraphs of one part and/or department (null: all). */
export function materialParagraphs(
  draftId: number,
  part: string | null,
  department: string | null,
): Promise<MaterialParagraphItem[]> {
  return call('material_paragraphs', { draftId, part, department });
}

export function markMaterialUsed(paragraphId: number, used: boolean): Promise<void> {
  return call('mark_material_used', { paragraphId, used });
}

/**
 * Insert a material paragraph (or only its figure number `figure`) into the draft after line
 * `after` (null: at the end of its part); the answer is the new whole text, already a version.
 */
export function insertMaterial(
  draftId: number,
  text: string,
  paragraphId: number,
  after: number | null,
  figure: number | null,
): Promise<MaterialInsert> {
  return call('insert_material', { draftId, text, paragraphId, after, figure });
}

export function listDepartments(draftId: number): Promise<DepartmentItem[]> {
  return call('list_departments', { draftId });
}

export function addDepartment(name: string): Promise<number> {
  return call('add_department', { name });
}

export function renameDepartment(id: number, name: string): Promise<void> {
  return call('rename_department', { id, name });
}

export function removeDepartment(id: number): Promise<boolean> {
  return call('remove_department', { id });
}

export function setMaterialDepartment(materialId: number, name: string): Promise<void> {
  return call('set_material_department', { materialId, name });
}

export function removeMaterial(materialId: number): Promise<boolean> {
  return call('remove_material', { materialId });
}

/** For each fill-in mark of the text, the statistics values whose metric matches. */
export function fillProposals(draftId: number, text: string): Promise<FillItem[]> {
  return call('fill_proposals', { draftId, text });
}

/** Fill one mark with one value (a named version); null when the mark is no longer on that line. */
export function acceptFill(
  draftId: number,
  text: string,
  line: number,
  mark: string,
  statId: number,
): Promise<MaterialInsert | null> {
  return call('accept_fill', { draftId, text, line, mark, statId });
}

/** That value is not to be offered again for that mark. */
export function rejectFill(draftId: number, line: number, mark: string, statId: number): Promise<void> {
  return call('reject_fill', { draftId, line, mark, statId });
}

export function searchMaterials(draftId: number, query: string): Promise<MaterialHitItem[]> {
  return call('search_materials', { draftId, query });
}

/** What went from which material into which version of the draft. */
export function materialTrail(draftId: number): Promise<TrailItem[]> {
  return call('material_trail', { draftId });
}

// ---- the drafter's links in the figure table, chained history (issue 14) --------------------

import type { ChainedMetric, FigureChoice, FigureRef, HistoryPoint, LinkAction } from './types';

/** Where a link between the draft and last year's report is kept (check_draft's context). */
export interface LinkContext {
  text: string;
  lastReportId: number;
  year?: number | null;
}

/** 关联 / 取消关联 / 不可比: keep the drafter's word on a row; the next check obeys it. */
export function linkFigures(
  context: LinkContext,
  action: LinkAction,
  figures: { this?: FigureRef | null; last?: FigureRef | null },
): Promise<number> {
  return call('link_figures', { ...context, action, this: figures.this ?? null, last: figures.last ?? null });
}

/** 恢复: forget the drafter's words about these figures; how many were forgotten. */
export function forgetFigureLinks(
  context: LinkContext,
  figures: { this?: FigureRef | null; last?: FigureRef | null },
): Promise<number> {
  return call('forget_figure_links', { ...context, this: figures.this ?? null, last: figures.last ?? null });
}

/** Every figure of a stored report (last year's, to search when linking). */
export function reportFigures(reportId: number): Promise<FigureChoice[]> {
  return call('report_figures', { reportId });
}

/** A metric's history chained over every report of a government, each year with its line. */
export function metricChain(government: string, metric: string): Promise<HistoryPoint[]> {
  return call('metric_chain', { government, metric });
}

/** The chart's picker: one entry per metric chained over the years, by its newest name (曾称…). */
export function chainedMetrics(government: string): Promise<ChainedMetric[]> {
  return call('chained_metrics', { government });
}
