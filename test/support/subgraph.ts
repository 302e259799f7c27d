import type { DataSource } from 'typeorm';
import type { Viewer } from '../../lib/access.ts';
import { contextFor, subgraphApollo } from '../../lib/subgraphServer.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { silentLog } from './platform.ts';

export interface OperationResult<T> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** Runs operations against one subgraph in-process (shield and error masking included). */
export async function subgraphClient<L>(def: SubgraphCode<L>, db: DataSource) {
  const apollo = subgraphApollo(def);
  await apollo.start();
  return {
    async run<T = Record<string, unknown>>(viewer: Viewer, query: string, variables: Record<string, unknown> = {}): Promise<OperationResult<T>> {
      const res = await apollo.executeOperation<T>({ query, variables }, { contextValue: contextFor(def, db, viewer, silentLog) });
      if (res.body.kind !== 'single') throw new Error('unexpected incremental response');
      return res.body.singleResult as OperationResult<T>;
    },
    stop: () => apollo.stop(),
  };
}
