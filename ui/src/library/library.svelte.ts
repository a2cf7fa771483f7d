// The library as the window sees it: reports and drafts grouped by government and year, and the
// import of files into it (dialog or drop), one file at a time with progress and a Chinese
// message for each file that could not be read. No IPC details here: lib/api only.
import { importReport, isStatisticsTable, libraryOverview, toIpcError } from '../lib/api';
import type { DraftItem, ImportOutcome, IpcError, LibraryOverview, ReportItem } from '../lib/api';

export interface ImportFailure {
  path: string;
  fileName: string;
  error: IpcError;
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface YearGroup {
  year: number;
  reports: ReportItem[];
  drafts: DraftItem[];
}

export interface GovernmentGroup {
  government: string;
  years: YearGroup[];
}

/**
 * What the window says when a statistics table (.xlsx/.xls/.et/.csv) is dropped or picked: the
 * importer reads it (named figures with their cells, `read_statistics`), but it is material for
 * a draft's figures, not a report for the library.
 */
export function statisticsTableNotReport(fileName: string): IpcError {
  return {
    code: 'ui.statistics_table',
    message:
      `「${fileName}」是统计表，不是年度报告，没有放进资料库。` +
      '统计表里的数字用于填写和核对稿件：请在稿件的「材料」中添加它。',
  };
}

/** The last part of a path, whatever the platform's separator. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * Reports and drafts by government (in the order given: the backend sorts), then year, newest
 * first. A draft joins the government of the report it follows; one with no known report goes
 * under 本地稿件.
 */
export function groupLibrary(overview: LibraryOverview): GovernmentGroup[] {
  const governmentOf = new Map(overview.reports.map((r) => [r.id, r.government] as const));
  const groups = new Map<string, Map<number, YearGroup>>();
  const yearGroup = (government: string, year: number) => {
    let years = groups.get(government);
    if (!years) groups.set(government, (years = new Map()));
    let group = years.get(year);
    if (!group) years.set(year, (group = { year, reports: [], drafts: [] }));
    return group;
  };
  for (const report of overview.reports) {
    yearGroup(report.government || '未识别的政府', report.year).reports.push(report);
  }
  for (const draft of overview.drafts) {
    const government = (draft.lastReportId != null && governmentOf.get(draft.lastReportId)) || '本地稿件';
    yearGroup(government, draft.year).drafts.push(draft);
  }
  return [...groups].map(([government, years]) => ({
    government,
    years: [...years.values()].sort((a, b) => b.year - a.year),
  }));
}

export class Library {
  overview = $state<LibraryOverview | null>(null);
  loadError = $state<IpcError | null>(null);
  progress = $state<ImportProgress | null>(null);
  failures = $state<ImportFailure[]>([]);
  /** What the last import added or found (for the "已导入" note). */
  lastImported = $state<ImportOutcome[]>([]);

  groups = $derived(this.overview ? groupLibrary(this.overview) : []);

  async load(): Promise<LibraryOverview | null> {
    try {
      this.overview = await libraryOverview();
      this.loadError = null;
    } catch (e) {
      this.loadError = toIpcError(e);
    }
    return this.overview;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Import files one after another; a bad file is reported and the others still come in. Files
   * dropped while an import runs wait for it (never dropped on the floor).
   */
  importPaths(paths: string[]): Promise<ImportOutcome[]> {
    if (paths.length === 0) return Promise.resolve([]);
    const run = this.queue.then(() => this.importNow(paths));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async importNow(paths: string[]): Promise<ImportOutcome[]> {
    const imported: ImportOutcome[] = [];
    const failures: ImportFailure[] = [];
    this.failures = [];
    this.lastImported = [];
    this.progress = { done: 0, total: paths.length };
    for (const [i, path] of paths.entries()) {
      this.progress = { done: i + 1, total: paths.length };
      if (isStatisticsTable(path)) {
        // A department's statistics table holds figures for a draft, not a report to keep.
        failures.push({ path, fileName: fileNameOf(path), error: statisticsTableNotReport(fileNameOf(path)) });
        this.failures = [...failures];
        continue;
      }
      try {
        imported.push(await importReport(path));
      } catch (e) {
        failures.push({ path, fileName: fileNameOf(path), error: toIpcError(e) });
        this.failures = [...failures];
      }
    }
    this.progress = null;
    this.lastImported = imported;
    if (imported.length > 0) await this.load();
    return imported;
  }

  /** A draft was saved: show its new time without asking the backend for the whole list. */
  touchDraft(draftId: number, savedAt: number): void {
    if (!this.overview) return;
    const drafts = this.overview.drafts.map((d) => (d.id === draftId ? { ...d, updatedAt: savedAt } : d));
    this.overview = { ...this.overview, drafts };
  }

  dismissFailures(): void {
    this.failures = [];
  }
}
