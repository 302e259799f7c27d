import type { GraphQLResolveInfo } from 'graphql';
import { badInput, parseInput } from '../../../lib/errors.ts';
import { DEFAULT_PAGE, MAX_PAGE } from '../../../lib/pagination.ts';
import { auditFilterInput } from '../inputs.ts';
import { cursorOf, seqOf } from '../views.ts';
import type { AuditEntryView } from '../views.ts';
import type { Ctx } from './context.ts';

export const Query = {
  auditChain: async (_: unknown, _args: unknown, ctx: Ctx, info: GraphQLResolveInfo) => {
    const status = await ctx.loaders.chainStatus();
    // Reading the chain's state is a consultation of the log, logged as its reads are.
    ctx.audit.record({
      kind: 'CONSULTATION', decision: 'ALLOWED', operationType: 'query', operationName: ctx.audit.operationNameOf(info.operation),
      entityType: 'AuditEntry', entityIds: [], field: 'Query.auditChain',
    });
    return status;
  },
  auditLog: async (_: unknown, args: { filter?: unknown; first?: number | null; after?: string | null }, ctx: Ctx, info: GraphQLResolveInfo) => {
    const filter = parseInput(auditFilterInput, args.filter) ?? {};
    const first = args.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE}.`);
    const after = args.after ? seqOf(args.after) : null;
    const { rows, total } = await ctx.loaders.entries(filter, first, after);
    const nodes: AuditEntryView[] = rows.slice(0, first);
    // Reading the log is logged, with the entries read (none is still a consultation of the log).
    ctx.audit.record({
      kind: 'CONSULTATION', decision: 'ALLOWED', operationType: 'query', operationName: ctx.audit.operationNameOf(info.operation),
      entityType: 'AuditEntry', entityIds: nodes.map((n) => n.id), field: 'Query.auditLog',
    });
    const edges = nodes.map((node) => ({ cursor: cursorOf(node.seq), node }));
    return {
      totalCount: total,
      edges,
      nodes,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },
};
