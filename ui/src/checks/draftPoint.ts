// This year's value of a metric, read from the open draft's figure table, as one more bar of the
// history chart (the draft is not a stored report, so the library has no value for its year yet).
import type { FigureRow, MetricPoint } from '../lib/api';

const VALUE = /^\s*(\d+(?:\.\d+)?)\s*(万|亿)?\s*(.*)$/;

export function draftPoint(
  metric: string,
  year: number,
  figures: FigureRow[],
): (MetricPoint & { draft: true }) | null {
  const raw = figures.find((f) => f.metric === metric)?.this;
  const m = raw ? VALUE.exec(raw) : null;
  if (!raw || !m) return null;
  const scale = m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
  return { year, value: Number(m[1]) * scale, unit: m[3] ?? '', raw, draft: true };
}
