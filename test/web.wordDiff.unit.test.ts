import { describe, expect, it } from 'vitest';
import { changeCounts, diffWords, sideOf, tokenize } from '../web/src/components/diff/wordDiff.ts';

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('word diff', () => {
  it('keeps both texts recoverable from its parts', () => {
    const before = 'Collected material is kept for 90 days from the end of the operation.';
    const after = 'Collected material is kept for 60 days from the end of each operation, then deleted.';
    const parts = diffWords(before, after);
    expect(text(sideOf(parts, 'before'))).toBe(before);
    expect(text(sideOf(parts, 'after'))).toBe(after);
  });

  it('marks a replaced word as one removal followed by one insertion', () => {
    expect(diffWords('kept for 90 days', 'kept for 60 days')).toEqual([
      { kind: 'same', text: 'kept for ' },
      { kind: 'removed', text: '90' },
      { kind: 'added', text: '60' },
      { kind: 'same', text: ' days' },
    ]);
  });

  it('joins a replaced phrase across the spaces between its words', () => {
    expect(diffWords('opened by the head of unit', 'opened by a duty judge of unit')).toEqual([
      { kind: 'same', text: 'opened by ' },
      { kind: 'removed', text: 'the head' },
      { kind: 'added', text: 'a duty judge' },
      { kind: 'same', text: ' of unit' },
    ]);
  });

  it('shows pure insertions and deletions', () => {
    expect(diffWords('a b', 'a new b')).toEqual([{ kind: 'same', text: 'a ' }, { kind: 'added', text: 'new ' }, { kind: 'same', text: 'b' }]);
    expect(diffWords('a old b', 'a b')).toEqual([{ kind: 'same', text: 'a ' }, { kind: 'removed', text: 'old ' }, { kind: 'same', text: 'b' }]);
    expect(diffWords('', 'all new')).toEqual([{ kind: 'added', text: 'all new' }]);
    expect(diffWords('all gone', '')).toEqual([{ kind: 'removed', text: 'all gone' }]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('counts changed words', () => {
    expect(changeCounts(diffWords('kept for 90 days', 'kept for 60 or 30 days'))).toEqual({ added: 3, removed: 1 });
  });

  it('falls back to a whole replacement for texts too long to align, still recoverable', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `v${i}`).join(' ');
    const parts = diffWords(before, after);
    expect(text(sideOf(parts, 'before'))).toBe(before);
    expect(text(sideOf(parts, 'after'))).toBe(after);
  });

  it('tokenizes words and whitespace, losing nothing', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
  });

  it('round-trips random edits', () => {
    const words = ['police', 'data', 'days', 'the', 'court', 'order', 'kept', '90', '60', '\n\n', 'review'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 200; n++) {
      const pick = (len: number) => Array.from({ length: len }, () => words[Math.floor(rnd() * words.length)]).join(' ');
      const a = pick(Math.floor(rnd() * 20));
      const b = pick(Math.floor(rnd() * 20));
      const parts = diffWords(a, b);
      expect(text(sideOf(parts, 'before'))).toBe(a);
      expect(text(sideOf(parts, 'after'))).toBe(b);
      for (let k = 1; k < parts.length; k++) expect(parts[k]!.kind).not.toBe(parts[k - 1]!.kind);
    }
  });
});
