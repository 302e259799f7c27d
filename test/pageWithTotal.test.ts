import { describe, expect, it } from 'vitest';
import { pageBelowWithTotal, pageWithTotal } from '../lib/pageWithTotal.ts';
import type { Queryable } from '../lib/pageWithTotal.ts';

/** A database answering a page statement with `page` and a count statement with `count`; it keeps what it was sent. */
function database(page: Record<string, unknown>[], count = 0) {
  const sent: { text: string; params: unknown[] }[] = [];
  const db: Queryable = {
    query: async <T>(text: string, params: unknown[] = []) => {
      sent.push({ text, params });
      return (text.includes('OVER ()') ? page : [{ total: count }]) as T;
    },
  };
  return { db, sent };
}

const matching = { columns: 't.id', from: 'things t WHERE t.kind = $1', params: ['k'] };

describe('a page with its total', () => {
  it('reads the total off the page in one statement, and leaves it out of the rows', async () => {
    const { db, sent } = database([{ id: 'a', total: '12' }, { id: 'b', total: '12' }]);
    expect(await pageWithTotal(db, matching, 't.id', { limit: 2, offset: 4 })).toEqual({ nodes: [{ id: 'a' }, { id: 'b' }], total: 12 });
    expect(sent).toEqual([{
      text: 'SELECT t.id, count(*) OVER () AS total FROM things t WHERE t.kind = $1 ORDER BY t.id LIMIT $2 OFFSET $3',
      params: ['k', 2, 4],
    }]);
    expect(matching.params).toEqual(['k']);
  });

  it('counts in a second statement only when an empty page does not start at the first row', async () => {
    const first = database([], 5);
    expect(await pageWithTotal(first.db, matching, 't.id', { limit: 2, offset: 0 })).toEqual({ nodes: [], total: 0 });
    expect(first.sent).toHaveLength(1);
    const past = database([], 5);
    expect(await pageWithTotal(past.db, matching, 't.id', { limit: 2, offset: 6 })).toEqual({ nodes: [], total: 5 });
    expect(past.sent[1]).toEqual({ text: 'SELECT count(*)::int AS total FROM things t WHERE t.kind = $1', params: ['k'] });
  });

  it('pages below a key the same way, leaving the key out of the rows', async () => {
    const { db, sent } = database([{ id: 'c', n: '9', total: '3' }]);
    expect(await pageBelowWithTotal(db, matching, 't.seq', 'bigint', { limit: 1, before: '10' })).toEqual({ nodes: [{ id: 'c' }], total: 3 });
    expect(sent[0]!.params).toEqual(['k', '10', 1]);
    expect(sent[0]!.text).toMatch(/\$2::bigint IS NULL OR x\.n < \$2::bigint\s+ORDER BY x\.n DESC LIMIT \$3$/);
    const top = database([], 4);
    expect(await pageBelowWithTotal(top.db, matching, 't.seq', 'bigint', { limit: 1, before: null })).toEqual({ nodes: [], total: 0 });
    expect(top.sent).toHaveLength(1);
    const below = database([], 4);
    expect(await pageBelowWithTotal(below.db, matching, 't.seq', 'bigint', { limit: 1, before: '1' })).toEqual({ nodes: [], total: 4 });
    expect(below.sent).toHaveLength(2);
  });
});
