import pg from 'pg';

/**
 * Counts the rows this process receives from statements whose text matches `pattern` while `fn` runs (subgraphs run
 * in the test's process): what a request makes Node parse, whatever SQL produced it.
 */
export async function rowsReceived<T>(pattern: RegExp, fn: () => Promise<T>): Promise<{ result: T; rows: number }> {
  const original = pg.Client.prototype.query;
  let rows = 0;
  const tally = (res: any) => {
    rows += Array.isArray(res?.rows) ? res.rows.length : 0;
  };
  pg.Client.prototype.query = function tappedQuery(this: pg.Client, ...args: any[]) {
    const text: string = typeof args[0] === 'string' ? args[0] : (args[0]?.text ?? '');
    if (!pattern.test(text)) return (original as any).apply(this, args);
    const last = args.at(-1);
    if (typeof last === 'function') args[args.length - 1] = (err: unknown, res: unknown) => (tally(res), last(err, res));
    const result = (original as any).apply(this, args);
    if (typeof result?.then === 'function') result.then(tally, () => {});
    return result;
  } as typeof pg.Client.prototype.query;
  try {
    const result = await fn();
    return { result, rows };
  } finally {
    pg.Client.prototype.query = original;
  }
}
