export type OutlineSection = { number: string, heading: string, level: number, kind: string, kind_label: string, line: number, end_line: number, children: Array<OutlineSection>, };
