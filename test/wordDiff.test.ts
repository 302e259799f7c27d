import { describe, expect, it } from 'vitest';
import { diffWords } from '../subgraphs/legal/wordDiff.ts';
import type { WordChange } from '../subgraphs/legal/wordDiff.ts';

const side = (changes: WordChange[], kinds: WordChange['kind'][]) => changes.filter((c) => kinds.includes(c.kind)).map((c) => c.text).join('');

describe('diffWords', () => {
  it('answers the runs it always has: unchanged, then what was added before what was removed', () => {
    expect(diffWords('kept for 90 days', 'kept for 60 days')).toEqual([
      { kind: 'UNCHANGED', text: 'kept for ' }, { kind: 'ADDED', text: '60' }, { kind: 'REMOVED', text: '90' }, { kind: 'UNCHANGED', text: ' days' },
    ]);
    expect(diffWords('kept for 90 days', 'kept for 60 or 30 days')).toEqual([
      { kind: 'UNCHANGED', text: 'kept for ' }, { kind: 'ADDED', text: '60 or 30' }, { kind: 'REMOVED', text: '90' }, { kind: 'UNCHANGED', text: ' days' },
    ]);
    expect(diffWords('a b', 'a new b')).toEqual([{ kind: 'UNCHANGED', text: 'a ' }, { kind: 'ADDED', text: 'new ' }, { kind: 'UNCHANGED', text: 'b' }]);
    expect(diffWords('a old b', 'a b')).toEqual([{ kind: 'UNCHANGED', text: 'a ' }, { kind: 'REMOVED', text: 'old ' }, { kind: 'UNCHANGED', text: 'b' }]);
    expect(diffWords('', 'all new')).toEqual([{ kind: 'ADDED', text: 'all new' }]);
    expect(diffWords('all gone', '')).toEqual([{ kind: 'REMOVED', text: 'all gone' }]);
    expect(diffWords('same', 'same')).toEqual([{ kind: 'UNCHANGED', text: 'same' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('pairs replaced words in order where two alignments are equally short', () => {
    expect(diffWords('opened by the head of unit', 'opened by a duty judge of unit')).toEqual([
      { kind: 'UNCHANGED', text: 'opened by ' }, { kind: 'ADDED', text: 'a' }, { kind: 'REMOVED', text: 'the' }, { kind: 'UNCHANGED', text: ' ' },
      { kind: 'ADDED', text: 'duty judge' }, { kind: 'REMOVED', text: 'head' }, { kind: 'UNCHANGED', text: ' of unit' },
    ]);
  });

  it('keeps every word of both texts, in order', () => {
    const before = 'Data collected from open sources is kept for 90 days,\nthen erased unless a case file needs it.';
    const after = 'Data collected from open sources is kept for 30 days, then erased\n\nunless a judge orders otherwise.';
    const changes = diffWords(before, after);
    expect(side(changes, ['UNCHANGED', 'REMOVED'])).toBe(before);
    expect(side(changes, ['UNCHANGED', 'ADDED'])).toBe(after);
  });

  it('finds the few changes in long texts (far beyond what a full table could hold), not a whole replacement', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i}`);
    const edited = [...words];
    edited[100] = 'changed';
    edited.splice(20_000, 0, 'inserted');
    edited.splice(25_001, 1);
    const changes = diffWords(words.join(' '), edited.join(' '));
    expect(changes.filter((c) => c.kind !== 'UNCHANGED')).toEqual([
      { kind: 'ADDED', text: 'changed' }, { kind: 'REMOVED', text: 'w100' },
      { kind: 'ADDED', text: 'inserted ' },
      { kind: 'REMOVED', text: ' w25000' },
    ]);
    expect(changes).toHaveLength(8);
  });

  it('shows long texts that share almost nothing as replaced, keeping both whole', () => {
    const before = Array.from({ length: 30_000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 30_000 }, (_, i) => `new${i}`).join(' ');
    const changes = diffWords(before, after);
    expect(side(changes, ['UNCHANGED', 'REMOVED'])).toBe(before);
    expect(side(changes, ['UNCHANGED', 'ADDED'])).toBe(after);
    expect(changes).toEqual([{ kind: 'ADDED', text: after }, { kind: 'REMOVED', text: before }]);
  });
});
