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
import type { ReportOutline } from './bindings/ReportOutline';
import type { ReportItem } from './bindings/ReportItem';
import type { SavedVersion } from './bindings/SavedVersion';
import type { SearchResult } from './bindings/SearchResult';
import type { SectionDiff } from './bindings/SectionDiff';
import type { TemplateItem } from './bindings/TemplateItem';
import type { VersionItem } from './bindings/VersionItem';

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
  dismiss_finding: { args: { draftId: number; key: string; label: string }; result: void };
  restore_finding: { args: { draftId: number; key: string }; result: boolean };
  dismissed_findings: { args: { draftId: number }; result: DismissedFinding[] };
  list_templates: { args: None; result: TemplateItem[] };
  render_template: { args: { kind: string; year: number }; result: string };
  export_draft: { args: { text: string; path: string }; result: ExportOutcome };
  e2e_save_path: { args: None; result: string | null };
}

export type CommandName = keyof Commands;
export type CommandArgs<K extends CommandName> = Commands[K]['args'];
export type CommandResult<K extends CommandName> = Commands[K]['result'];

/** The arguments of `call(cmd, …)`: none for a command without any, else its argument object. */
export type CallArgs<K extends CommandName> = None extends CommandArgs<K> ? [args?: CommandArgs<K>] : [args: CommandArgs<K>];
