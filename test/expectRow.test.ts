import { describe, expect, it } from 'vitest';
import { byKey, expectRow } from '../lib/loaders.ts';

describe('expectRow', () => {
  const loader = () => byKey<string, { id: string; n: number }>(async (ids) => ids.filter((id) => id !== 'gone').map((id) => ({ id, n: id.length })), (r) => r.id);

  it('answers the row a loader found, falsy values included', async () => {
    expect(expectRow(await loader().load('abc'), 'abc')).toEqual({ id: 'abc', n: 3 });
    expect(expectRow(0, 'zero')).toBe(0);
    expect(expectRow('', 'empty')).toBe('');
  });

  it('fails, naming the key, where the loader found nothing', async () => {
    expect(() => expectRow(null, 'gone')).toThrow('No row for gone');
    await expect(loader().load('gone').then((row) => expectRow(row, 'gone'))).rejects.toThrow('No row for gone');
  });
});
