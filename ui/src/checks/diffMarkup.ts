// The checker writes word changes inside a message as `[-removed-]{+added+}` (the same text the
// command line prints). The pane shows them as struck-out and inserted words: parts, never HTML.
export interface MarkupPart {
  text: string;
  op: 'same' | 'removed' | 'added';
}

const CHANGE = /\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g;

export function diffMarkupParts(message: string): MarkupPart[] {
  const parts: MarkupPart[] = [];
  let at = 0;
  for (const m of message.matchAll(CHANGE)) {
    const start = m.index ?? 0;
    if (start > at) parts.push({ text: message.slice(at, start), op: 'same' });
    if (m[1] !== undefined) parts.push({ text: m[1], op: 'removed' });
    else parts.push({ text: m[2] ?? '', op: 'added' });
    at = start + m[0].length;
  }
  if (at < message.length) parts.push({ text: message.slice(at), op: 'same' });
  return parts;
}
