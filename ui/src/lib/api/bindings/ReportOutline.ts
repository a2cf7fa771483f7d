import type { OutlineSection } from "./OutlineSection";
export type ReportOutline = { path: string, file_name: string, format: string, encoding: string, title: string | null, government: string | null, year: number | null, doc_number: string | null, addressee: string | null, date: string | null, text: string, line_count: number, figure_count: number, sections: Array<OutlineSection>, };
