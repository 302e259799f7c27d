import { observeStatements } from './sqlStatements.ts';

/**
 * Counts the rows this process receives from statements whose text matches `pattern` while `fn` runs (subgraphs run
 * in the test's process): what a request makes Node parse, whatever SQL produced it.
 */
export async function rowsReceived<T>(pattern: RegExp, fn: () => Promise<T>): Promise<{ result: T; rows: number }> {
  let rows = 0;
  const stop = observeStatements((text) => (pattern.test(text)
    ? (result) => {
      const received = (result as { rows?: unknown } | undefined)?.rows;
      rows += Array.isArray(received) ? received.length : 0;
    }
    : undefined));
  try {
    const result = await fn();
    return { result, rows };
  } finally {
    stop();
  }
}
