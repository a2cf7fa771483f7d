// The IPC types of docs/ipc.md that have no generated binding yet (ui/src/lib/api/bindings/ is
// written by ts-rs from src-tauri/src/dto.rs). Each one is replaced by a re-export of its binding
// as soon as the binding exists, so there is only ever one definition per type.
// Optional fields (`x?` in the contract) accept both a missing key and null.
import type { OutlineSection } from './bindings/OutlineSection';

export interface ReportItem {
  id: number;
  government: string;
  year: number;
  title: string;
  fileName: string;
  figureCount: number;
}

export interface DraftItem {
  id: number;
  title: string;
  year: number;
  lastReportId?: number | null;
  /** ms since epoch */
  updatedAt: number;
}

export interface LibraryOverview {
  reports: ReportItem[];
  drafts: DraftItem[];
  seeded: boolean;
}

export interface ImportOutcome {
  report: ReportItem;
  alreadyPresent: boolean;
}

export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchResult {
  reportId: number;
  government: string;
  year: number;
  title: string;
  sectionHeading: string;
  sectionKind: string;
  line: number;
  snippet: SnippetPart[];
}

export interface DraftDoc {
  id: number;
  title: string;
  year: number;
  lastReportId?: number | null;
  lastYear?: number | null;
  government?: string | null;
  text: string;
  marks: number;
  movedYears: string[];
  plans: string[];
  notes: string[];
}

export interface SavedVersion {
  versionId: number;
  /** ms since epoch */
  savedAt: number;
}

export interface VersionItem {
  id: number;
  savedAt: number;
  chars: number;
  name?: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface FindingItem {
  code: string;
  severity: Severity;
  line: number;
  message: string;
  excerpt?: string | null;
  detail?: string | null;
}

export type FigureStatus = 'changed' | 'unchanged' | 'swing' | 'dropped' | 'new';

export interface FigureRow {
  metric: string;
  last?: string | null;
  this?: string | null;
  change?: string | null;
  status: FigureStatus;
  thisLine?: number | null;
  lastLine?: number | null;
  confidence: number;
}

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffPart {
  text: string;
  op: DiffOp;
}

export interface SectionDiff {
  heading: string;
  lastHeading?: string | null;
  parts: DiffPart[];
}

export interface MetricPoint {
  year: number;
  value: number;
  unit: string;
  raw: string;
}

export interface TemplateItem {
  kind: string;
  label: string;
}

export interface ExportOutcome {
  path: string;
  bytes: number;
}

export interface CheckResult {
  outline: OutlineSection[];
  findings: FindingItem[];
  figures: FigureRow[];
  marks: number;
}
