// Every backend command the window may call: its name, its arguments (camelCase, as Tauri passes
// them; `?` where the Rust argument is an Option) and what it answers. `call` in index.ts accepts
// only these, with these arguments. src-tauri/tests/ipc_commands.rs holds this list to the Rust
// `generate_handler!` list and each command's signature: a command or argument added, renamed or
// removed on one side fails that test, which prints the line to write here.
import type { AppInfo } from './bindings/AppInfo';
import type { CheckResult } from './bindings/CheckResult';
import type { DismissedFinding } from './bindings/DismissedFinding';
import type { DraftDoc } from './bindings/DraftDoc';
import type { ExportOutcome } from './bindings/ExportOutcome';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { LibraryOverview } from './bindings/LibraryOverview';
import type { MetricPoint } from './bindings/MetricPoint';
import type { FigureChoice } from './bindings/FigureChoice';
import type { FigureRef } from './bindings/FigureRef';
import type { HistoryPoint } from './bindings/HistoryPoint';
import type { ChainedMetric } from './bindings/ChainedMetric';
import type { LinkAction } from './bindings/LinkAction';
import type { ReportOutline } from './bindings/ReportOutline';
import type { ReportItem } from './bindings/ReportItem';
import type { SavedVersion } from './bindings/SavedVersion';
import type { SearchResult } from './bindings/SearchResult';
import type { SectionDiff } from './bindings/SectionDiff';
import type { TemplateItem } from './bindings/TemplateItem';
import type { VersionItem } from './bindings/VersionItem';
import type { DeliveryFieldsItem } from './bindings/DeliveryFieldsItem';
import type { DeliveryForm } from './bindings/DeliveryForm';
import type { DeliveryStatus } from './bindings/DeliveryStatus';
import type { BackupItem } from './bindings/BackupItem';
import type { LibraryStart } from './bindings/LibraryStart';
import type { RestoreOutcome } from './bindings/RestoreOutcome';
import type { DepartmentItem } from './bindings/DepartmentItem';
import type { FillItem } from './bindings/FillItem';
import type { MaterialBatch } from './bindings/MaterialBatch';
import type { MaterialHitItem } from './bindings/MaterialHitItem';
import type { MaterialInsert } from './bindings/MaterialInsert';
import type { MaterialParagraphItem } from './bindings/MaterialParagraphItem';
import type { MaterialsOverview } from './bindings/MaterialsOverview';
import type { TrailItem } from './bindings/TrailItem';

/** No arguments. */
type None = Record<string, never>;

export interface Commands {
  app_info: { args: None; result: AppInfo };
  startup_files: { args: None; result: string[] };
  import_file: { args: { path: string }; result: ReportOutline };
  library_overview: { args: None; result: LibraryOverview };
  import_report: { args: { path: string }; result: ImportOutcome };
  open_report: { args: { reportId: number }; result: ReportOutline };
  set_report_meta: { args: { reportId: number; government: string; year: number }; result: ReportItem };
  search_library: {
    args: { query: string; government?: string | null; year?: number | null; kind?: string | null };
    result: SearchResult[];
  };
  new_draft: { args: { reportId: number; year: number }; result: DraftDoc };
  open_draft: { args: { draftId: number }; result: DraftDoc };
  save_draft: { args: { draftId: number; text: string }; result: SavedVersion };
  list_versions: { args: { draftId: number }; result: VersionItem[] };
  get_version: { args: { versionId: number }; result: string };
  check_draft: { args: { text: string; lastReportId?: number | null; year?: number | null }; result: CheckResult };
  section_diff: { args: { text: string; line: number; lastReportId: number }; result: SectionDiff };
  metric_history: { args: { government: string; metric: string }; result: MetricPoint[] };
  list_metrics: { args: { government: string }; result: string[] };
  link_figures: {
    args: {
      text: string;
      lastReportId: number;
      year?: number | null;
      action: LinkAction;
      this?: FigureRef | null;
      last?: FigureRef | null;
    };
    result: number;
  };
  forget_figure_links: {
    args: { text: string; lastReportId: number; year?: number | null; this?: FigureRef | null; last?: FigureRef | null };
    result: number;
  };
  report_figures: { args: { reportId: number }; result: FigureChoice[] };
  metric_chain: { args: { government: string; metric: string }; result: HistoryPoint[] };
  chained_metrics: { args: { government: string }; result: ChainedMetric[] };
  dismiss_finding: { args: { draftId: number; key: string; label: string }; result: void };
  restore_finding: { args: { draftId: number; key: string }; result: boolean };
  dismissed_findings: { args: { draftId: number }; result: DismissedFinding[] };
  list_templates: { args: None; result: TemplateItem[] };
  render_template: { args: { kind: string; year: number }; result: string };
  export_draft: { args: { text: string; path: string }; result: ExportOutcome };
  e2e_save_path: { args: None; result: string | null };
  delivery_fields: { args: { draftId: number; text: string }; result: DeliveryForm };
  save_delivery_fields: { args: { draftId: number; fields: DeliveryFieldsItem }; result: void };
  export_version: {
    args: { draftId?: number | null; text: string; version: string; path: string };
    result: ExportOutcome;
  };
  delivery_status: {
    args: { draftId?: number | null; text: string; lastReportId?: number | null; year?: number | null };
    result: DeliveryStatus;
  };
  library_start: { args: None; result: LibraryStart };
  list_backups: { args: None; result: BackupItem[] };
  restore_backup: { args: { path: string }; result: RestoreOutcome };
  backup_if_due: { args: None; result: BackupItem | null };
  import_materials: { args: { draftId: number; paths: string[] }; result: MaterialBatch };
  cancel_materials_import: { args: None; result: void };
  materials_overview: { args: { draftId: number; text?: string | null }; result: MaterialsOverview };
  material_paragraphs: {
    args: { draftId: number; part?: string | null; department?: string | null };
    result: MaterialParagraphItem[];
  };
  mark_material_used: { args: { paragraphId: number; used: boolean }; result: void };
  insert_material: {
    args: { draftId: number; text: string; paragraphId: number; after?: number | null; figure?: number | null };
    result: MaterialInsert;
  };
  list_departments: { args: { draftId: number }; result: DepartmentItem[] };
  add_department: { args: { name: string }; result: number };
  rename_department: { args: { id: number; name: string }; result: void };
  remove_department: { args: { id: number }; result: boolean };
  set_material_department: { args: { materialId: number; name: string }; result: void };
  remove_material: { args: { materialId: number }; result: boolean };
  fill_proposals: { args: { draftId: number; text: string }; result: FillItem[] };
  accept_fill: {
    args: { draftId: number; text: string; line: number; mark: string; statId: number };
    result: MaterialInsert | null;
  };
  reject_fill: { args: { draftId: number; line: number; mark: string; statId: number }; result: void };
  search_materials: { args: { draftId: number; query: string }; result: MaterialHitItem[] };
  material_trail: { args: { draftId: number }; result: TrailItem[] };
}

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Commands[K]['args'];
export type CommandResult<K extends CommandName> = Commands[K]['result'];

/** The arguments of `call(cmd, …)`: none for a command without any, else its argument object. */
export type CallArgs<K extends CommandName> = None extends CommandArgs<K> ? [args?: CommandArgs<K>] : [args: CommandArgs<K>];
