import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../access.ts';
import { dataSourceWithin } from '../database.ts';

export type LoaderFactory = (db: DataSource, viewer: Viewer) => unknown;

/** What a mutation's resolver context holds that its transaction replaces. */
export interface MutationContext {
  db: DataSource;
  viewer: Viewer;
  loaders?: unknown;
}

/** The answer when a mutation's audit row cannot be written: its change was rolled back with it. */
export const UNRECORDED = new GraphQLError('The audit log could not be written, so the change was not made. Please try again.', {
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
});

/**
 * Runs a mutation's resolver in one transaction. The resolver gets a context whose `db` (and loaders, when given how
 * to build them) work inside that transaction: its own `transaction()` calls join it, its reloads see its writes. `commit` runs a last step inside the transaction (the audit row) and commits; anything thrown before the
 * commit rolls everything back.
 */
export async function inMutationTransaction<T>(
  ctx: MutationContext,
  createLoaders: LoaderFactory | undefined,
  run: (inner: MutationContext, commit: (last: (tx: EntityManager) => Promise<void>) => Promise<void>) => Promise<T>,
): Promise<T> {
  const runner = ctx.db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const db = dataSourceWithin(ctx.db, runner.manager);
    const inner = { ...ctx, db, ...(createLoaders ? { loaders: createLoaders(db, ctx.viewer) } : {}) };
    const result = await run(inner, async (last) => {
      await last(runner.manager);
      await runner.commitTransaction();
      // Fields under the result, and later mutations of the operation, read through the request's loaders: what they
      // cached before this commit is stale now.
      if (createLoaders) ctx.loaders = createLoaders(ctx.db, ctx.viewer);
    });
    return result;
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
