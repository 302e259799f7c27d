import pg from 'pg';

// One hook on the pg driver counts every statement sent by any pool or client in this process.
let count = 0;
let installed = false;

export function installStatementCounter(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countingQuery(this: pg.Client, ...args: unknown[]) {
    count += 1;
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** Statements sent since the process started (or since the last reset). */
export const statementCount = () => count;
export const resetStatementCount = () => {
  count = 0;
};

/** Runs fn and returns how many statements it sent. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = count;
  const result = await fn();
  return { result, statements: count - before };
}
