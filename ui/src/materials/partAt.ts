// Which standard part of the draft the cursor is in: the innermost heading around the line
// whose kind is known (a sub-heading of kind `other` belongs to its parent's part).
import type { OutlineSection } from '../lib/api';

/** The part's key and label at a 1-based line, or null before the first heading / without one. */
export function partAt(outline: OutlineSection[], line: number): { part: string; label: string } | null {
  let found: { part: string; label: string } | null = null;
  let level = outline;
  for (;;) {
    const section = level.find((s) => s.line <= line && line <= s.end_line);
    if (!section) return found;
    if (section.kind !== 'other') found = { part: section.kind, label: section.kind_label };
    level = section.children;
  }
}
