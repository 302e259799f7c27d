import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../lib/boundedMap.ts';

describe('BoundedMap', () => {
  it('forgets the oldest entry past its size, keeps a key set again as the newest, and refuses over-long keys', () => {
    const m = new BoundedMap<number>(2, 5);
    m.set('a', 1);
    m.set('b', 2);
    m.set('a', 3);
    m.set('c', 4);
    expect([m.get('a'), m.get('b'), m.get('c')]).toEqual([3, undefined, 4]);
    m.set('toolong', 5);
    expect(m.get('toolong')).toBeUndefined();
    expect([m.get('a'), m.get('c')]).toEqual([3, 4]);
  });
});
