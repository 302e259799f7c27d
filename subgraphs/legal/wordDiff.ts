/** One run of a word-level difference between two texts. */
export interface WordChange {
  kind: 'ADDED' | 'REMOVED' | 'UNCHANGED';
  text: string;
}

/**
 * How much comparing the diff may do (diagonal steps of Myers' search, summed over the whole diff). Texts that
 * differ so much that it runs out are shown as replaced in the part still unaligned, never slowly.
 */
const WORK_BUDGET = 4_000_000;

const words = (text: string) => text.split(/(\s+)/).filter((t) => t !== '');

type Step = 'ADDED' | 'REMOVED' | 'UNCHANGED';

/**
 * Aligns two texts word by word (a shortest edit script, found in linear space by Myers' divide-and-conquer
 * search); whitespace travels with the words around it. Between two unchanged runs, what was added comes before
 * what was removed.
 */
export function diffWords(before: string, after: string): WordChange[] {
  const a = words(before);
  const b = words(after);
  const steps: { kind: Step; text: string }[] = [];
  new Aligner(a, b, (kind, text) => steps.push({ kind, text })).align(0, a.length, 0, b.length);

  const out: WordChange[] = [];
  let added = '';
  let removed = '';
  const flushGap = () => {
    if (added) out.push({ kind: 'ADDED', text: added });
    if (removed) out.push({ kind: 'REMOVED', text: removed });
    added = '';
    removed = '';
  };
  for (const s of steps) {
    if (s.kind === 'ADDED') added += s.text;
    else if (s.kind === 'REMOVED') removed += s.text;
    else {
      flushGap();
      const last = out.at(-1);
      if (last?.kind === 'UNCHANGED') last.text += s.text;
      else out.push({ kind: 'UNCHANGED', text: s.text });
    }
  }
  flushGap();
  return out;
}

class Aligner {
  private work = 0;

  constructor(private a: string[], private b: string[], private emit: (kind: Step, text: string) => void) {}

  /** Emits the steps turning a[aLo, aHi) into b[bLo, bHi), in order. */
  align(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const { a, b } = this;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) this.emit('UNCHANGED', a[aLo++]!), bLo++;
    let suffix = 0;
    while (aLo < aHi - suffix && bLo < bHi - suffix && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
    aHi -= suffix;
    bHi -= suffix;
    const split = aLo < aHi && bLo < bHi ? this.middle(aLo, aHi, bLo, bHi) : null;
    if (split) {
      this.align(aLo, split.x, bLo, split.y);
      this.align(split.x, aHi, split.y, bHi);
    } else {
      for (let j = bLo; j < bHi; j++) this.emit('ADDED', b[j]!);
      for (let i = aLo; i < aHi; i++) this.emit('REMOVED', a[i]!);
    }
    for (let i = aHi; i < aHi + suffix; i++) this.emit('UNCHANGED', a[i]!);
  }

  /**
   * Where a shortest path from (aLo, bLo) to (aHi, bHi) crosses its middle diagonal band: searched from both ends
   * at once, keeping one furthest-reaching x per diagonal. Null when the ranges share nothing or the budget is spent.
   */
  private middle(aLo: number, aHi: number, bLo: number, bHi: number): { x: number; y: number } | null {
    const { a, b } = this;
    const n = aHi - aLo;
    const m = bHi - bLo;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD;
    const forward = new Int32Array(2 * maxD + 2).fill(-1);
    const backward = new Int32Array(2 * maxD + 2).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    const frontMeets = delta % 2 !== 0;
    let k1start = 0;
    let k1end = 0;
    let k2start = 0;
    let k2end = 0;
    for (let d = 0; d < maxD; d++) {
      for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
        const i1 = offset + k1;
        let x1 = k1 === -d || (k1 !== d && forward[i1 - 1]! < forward[i1 + 1]!) ? forward[i1 + 1]! : forward[i1 - 1]! + 1;
        let y1 = x1 - k1;
        while (x1 < n && y1 < m && a[aLo + x1] === b[bLo + y1]) x1++, y1++, this.work++;
        forward[i1] = x1;
        if (++this.work > WORK_BUDGET) return null;
        if (x1 > n) k1end += 2;
        else if (y1 > m) k1start += 2;
        else if (frontMeets) {
          const i2 = offset + delta - k1;
          if (i2 >= 0 && i2 < forward.length && backward[i2] !== -1 && x1 >= n - backward[i2]!) return { x: aLo + x1, y: bLo + y1 };
        }
      }
      for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
        const i2 = offset + k2;
        let x2 = k2 === -d || (k2 !== d && backward[i2 - 1]! < backward[i2 + 1]!) ? backward[i2 + 1]! : backward[i2 - 1]! + 1;
        let y2 = x2 - k2;
        while (x2 < n && y2 < m && a[aHi - x2 - 1] === b[bHi - y2 - 1]) x2++, y2++, this.work++;
        backward[i2] = x2;
        if (++this.work > WORK_BUDGET) return null;
        if (x2 > n) k2end += 2;
        else if (y2 > m) k2start += 2;
        else if (!frontMeets) {
          const i1 = offset + delta - k2;
          if (i1 >= 0 && i1 < forward.length && forward[i1] !== -1) {
            const x1 = forward[i1]!;
            if (x1 >= n - x2) return { x: aLo + x1, y: bLo + x1 - (i1 - offset) };
          }
        }
      }
    }
    return null;
  }
}
