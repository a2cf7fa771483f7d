// The drafter's links in the figure table: what the table needs to keep a 关联 / 取消关联 /
// 不可比 / 恢复 and to search last year's figures, and how a row says why it is paired.
import type { FigureChoice, FigureRef, FigureRow, LinkAction } from '../lib/api';

/** The two figures a link is about (one may be absent for 不可比 / 恢复). */
export interface LinkedFigures {
  this?: FigureRef | null;
  last?: FigureRef | null;
}

/** Keeps the drafter's words about figures in the library; the pane checks again after each. */
export interface FigureLinker {
  link(action: LinkAction, figures: LinkedFigures): Promise<void>;
  forget(figures: LinkedFigures): Promise<void>;
  /** Every figure of last year's report, for 搜索. */
  lastFigures(): Promise<FigureChoice[]>;
}

/** `82%` for a confidence of 0.82. */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/**
 * The shared words for people: a metric name (`任前法律知识考试·人数`) as 指标同名, then at most
 * `max` words, the rest counted (`讲座、培训、报告会等5个`).
 */
export function sharedWords(words: string[], max = 3): string {
  const plain = words.filter((w) => !w.includes('·'));
  const head = plain.slice(0, max).join('、');
  const more = plain.length > max ? `等${plain.length}个` : '';
  const named = plain.length < words.length ? '指标同名' : '';
  return [named, head + more].filter((t) => t).join('；');
}

/** Why a row of two figures is paired: `人工关联`, or `把握 82%，共同词：讲座、培训`. Empty for one side only. */
export function why(row: FigureRow): string {
  if (row.this == null || row.last == null) return '';
  if (row.linked) return '人工关联';
  const words = row.words.length > 0 ? `，共同词：${sharedWords(row.words)}` : '，没有共同词';
  return `把握 ${percent(row.confidence)}${words}`;
}

/** What a candidate is: `第12行 320场（把握 45%，共同词：讲座）`. */
export function describeChoice(c: FigureChoice): string {
  const parts: string[] = [];
  if (c.confidence != null) parts.push(`把握 ${percent(c.confidence)}`);
  if (c.words.length > 0) parts.push(`共同词：${sharedWords(c.words)}`);
  return `第${c.line}行 ${c.value}${parts.length > 0 ? `（${parts.join('，')}）` : ''}`;
}

/**
 * Last year's figures matching every word of `query` (in the metric, the clause or the value),
 * in text order, at most `limit`. An empty query finds nothing.
 */
export function searchFigures(figures: FigureChoice[], query: string, limit = 8): FigureChoice[] {
  const words = query.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) return [];
  return figures
    .filter((f) => words.every((w) => f.metric.includes(w) || f.excerpt.includes(w) || f.value.includes(w)))
    .slice(0, limit);
}

/**
 * A row the drafter took apart (取消关联) and left without a partner: it shows 已取消关联 and
 * offers 恢复自动对照 instead of looking like any figure the aligner could not pair.
 */
export function isUnlinked(row: FigureRow): boolean {
  return row.unlinked.length > 0 && (row.this == null || row.last == null) && row.status !== 'not_comparable';
}

/** `您已取消它与上年第12行 320场的关联` (a row of last year's: `本稿第9行 510场`). Empty when none. */
export function unlinkedNote(row: FigureRow): string {
  if (row.unlinked.length === 0) return '';
  const side = row.this != null ? '上年' : '本稿';
  const names = row.unlinked.map((c) => `${side}第${c.line}行 ${c.value}`).join('、');
  return `您已取消它与${names}的关联`;
}
