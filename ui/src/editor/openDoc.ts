// What the editor shows: a stored report (read-only) or a draft (edited and autosaved).
import type { DraftDoc, ReportOutline } from '../lib/api';

export type OpenDoc =
  | { kind: 'report'; id: number; title: string; text: string; report: ReportOutline }
  | { kind: 'draft'; id: number; title: string; text: string; draft: DraftDoc };

export function docKey(doc: OpenDoc | null): string | null {
  return doc ? `${doc.kind}:${doc.id}` : null;
}

export function reportDoc(id: number, report: ReportOutline): OpenDoc {
  const title = report.title ?? report.file_name;
  return { kind: 'report', id, title, text: report.text, report };
}

export function draftDoc(draft: DraftDoc): OpenDoc {
  return { kind: 'draft', id: draft.id, title: draft.title, text: draft.text, draft };
}
