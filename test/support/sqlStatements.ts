import pg from 'pg';

// One hook on the pg driver counts every statement sent by any pool or client in this process, and tells observers.
// Only tests and the benchmark install it: production processes run the driver as it comes.
let count = 0;
let installed = false;

/**
 * Told of each statement as it is sent: its text and the client sending it. It may return a function, which is given
 * what the driver answered (the result, or undefined when the statement failed).
 */
export type StatementObserver = (text: string, client: pg.Client) => ((result: unknown) => void) | void;
const observers = new Set<StatementObserver>();

const textOf = (first: unknown) => (typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text ?? '');

/** Hooks the driver in this process; idempotent. Counting and observing install it themselves. */
export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
    count += 1;
    if (observers.size === 0) return original.apply(this, args);
    const text = textOf(args[0]);
    const told = [...observers].map((o) => o(text, this)).filter((f): f is (result: unknown) => void => typeof f === 'function');
    if (told.length === 0) return original.apply(this, args);
    const answer = (result: unknown) => told.forEach((f) => f(result));
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (err: unknown, result: unknown) => {
        answer(err ? undefined : result);
        return callback(err, result);
      };
    }
    const sent = original.apply(this, args) as { then?: unknown } | undefined;
    if (typeof sent?.then === 'function') (sent as Promise<unknown>).then(answer, () => answer(undefined));
    return sent;
  } as typeof pg.Client.prototype.query;
}

/** Calls `observer` for every statement sent in this process until the returned function is called. */
export function observeStatements(observer: StatementObserver): () => void {
  installStatementCounter();
  observers.add(observer);
  return () => {
    observers.delete(observer);
  };
}

/** Runs fn and returns how many statements this process sent meanwhile. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  installStatementCounter();
  const before = count;
  const result = await fn();
  return { result, statements: count - before };
}
