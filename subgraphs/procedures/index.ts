import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { distinctIds, isNonPublic } from '../../lib/audit/declarations.ts';
import type { SubgraphCode } from '../../lib/subgraphServer.ts';
import { provisionAmended } from './events.ts';
import { createLoaders } from './loaders.ts';
import type { ProcedureLoaders } from './loaders.ts';
import { permissions } from './permissions.ts';
import type { ProcedureView } from './views.ts';
import { resolvers } from './resolvers/index.ts';

// A draft is read only by its agency's editors and managers, whatever its visibility.
const restrictedProcedure = (p: ProcedureView) => p.status === 'DRAFT' || isNonPublic(p);
type Comparison = { rows: { cells: { procedure: ProcedureView | null }[] }[] };
const proceduresIn = (c: Comparison) => c.rows.flatMap((r) => r.cells.map((cell) => cell.procedure));

export const proceduresSubgraph: SubgraphCode<ProcedureLoaders> = {
  name: 'procedures',
  typeDefs: parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8')),
  resolvers,
  permissions,
  createLoaders,
  publishesSearchDocuments: true,
  consumers: [provisionAmended],
  audit: {
    restricted: { Procedure: restrictedProcedure },
    exports: {
      'ProcedureComparison.csv': (c: Comparison) => ({ entityType: 'Procedure', ids: distinctIds(proceduresIn(c)) }),
    },
    // Their values carry the procedures' content whether or not `procedure` is selected.
    consults: {
      'Query.diffProcedures': (d: { left: ProcedureView; right: ProcedureView }) =>
        [{ entityType: 'Procedure', ids: distinctIds([d.left, d.right].filter(restrictedProcedure)) }],
      'Query.compareProcedures': (c: Comparison) =>
        [{ entityType: 'Procedure', ids: distinctIds(proceduresIn(c).filter((p) => p && restrictedProcedure(p))) }],
    },
  },
};
