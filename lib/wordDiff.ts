/** One run of a word-level difference between two texts. */
export interface WordChange {
  kind: 'ADDED' | 'REMOVED' | 'UNCHANGED';
  text: string;
}

// Beyond this many word pairs the table would be too large; such texts are shown as replaced whole.
const MAX_CELLS = 4_000_000;

const words = (text: string) => text.split(/(\s+)/).filter((t) => t !== '');

/** Aligns two texts word by word (longest common subsequence); whitespace travels with the words around it. */
export function diffWords(before: string, after: string): WordChange[] {
  const a = words(before);
  const b = words(after);
  if (a.length * b.length > MAX_CELLS) {
    return [...(before ? [{ kind: 'REMOVED' as const, text: before }] : []), ...(after ? [{ kind: 'ADDED' as const, text: after }] : [])];
  }
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const out: WordChange[] = [];
  const push = (kind: WordChange['kind'], text: string) => {
    const last = out.at(-1);
    if (last?.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('UNCHANGED', a[i]!);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i * width + j + 1]! >= common[(i + 1) * width + j]!)) {
      push('ADDED', b[j]!);
      j++;
    } else {
      push('REMOVED', a[i]!);
      i++;
    }
  }
  return out;
}
