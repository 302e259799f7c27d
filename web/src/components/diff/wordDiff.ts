/** One run of a word-level difference: text kept, removed from the first text, or added in the second. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace between them, in order; joined they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

// Above this many token pairs the longest common subsequence table grows too big for a browser tab; the texts are
// then shown as wholly replaced, which is still true, only less precise.
const MAX_CELLS = 4_000_000;

/**
 * Word-level differences between two texts (longest common subsequence over words and whitespace). Adjacent parts of
 * one kind are merged; removed parts come before added ones where both replace the same place.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  // Common head and tail need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.kind, part.text);
  }
  push('same', a.slice(endA).join(''));
  return absorbWhitespace(parts);
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lengths[i * width + j]: longest common subsequence of a[i..] and b[j..].
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (j >= m || (i < n && lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!)) {
      removed += a[i++]!;
    } else {
      added += b[j++]!;
    }
  }
  flush();
  return out;
}

/**
 * Tidies the runs for reading: a stretch of changes that replaces words ("old words" -> "new words") becomes one
 * removed run followed by one added run, the single spaces between its words joining both.
 */
function absorbWhitespace(parts: DiffPart[]): DiffPart[] {
  const joins = (k: number) => parts[k]!.kind === 'same' && /^\s+$/.test(parts[k]!.text) && k > 0 && k < parts.length - 1
    && parts[k - 1]!.kind !== 'same' && parts[k + 1]!.kind !== 'same';
  const out: DiffPart[] = [];
  const push = (p: DiffPart) => {
    const last = out[out.length - 1];
    if (last?.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  };
  let k = 0;
  while (k < parts.length) {
    if (parts[k]!.kind === 'same') {
      push(parts[k++]!);
      continue;
    }
    let end = k;
    while (end < parts.length && (parts[end]!.kind !== 'same' || joins(end))) end++;
    const stretch = parts.slice(k, end);
    if (stretch.some((p) => p.kind === 'removed') && stretch.some((p) => p.kind === 'added')) {
      push({ kind: 'removed', text: stretch.filter((p) => p.kind !== 'added').map((p) => p.text).join('') });
      push({ kind: 'added', text: stretch.filter((p) => p.kind !== 'removed').map((p) => p.text).join('') });
    } else stretch.forEach(push);
    k = end;
  }
  return out;
}

/** The parts one side shows: the text before (kept and removed) or after (kept and added). */
export function sideOf(parts: DiffPart[], side: 'before' | 'after'): DiffPart[] {
  return parts.filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added'));
}

/** Counts of changed words, for a summary a screen reader can announce. */
export function changeCounts(parts: DiffPart[]): { added: number; removed: number } {
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  return parts.reduce((c, p) => (p.kind === 'added' ? { ...c, added: c.added + words(p.text) }
    : p.kind === 'removed' ? { ...c, removed: c.removed + words(p.text) } : c), { added: 0, removed: 0 });
}
