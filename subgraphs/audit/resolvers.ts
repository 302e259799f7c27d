import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { SubgraphContext } from '../../lib/context.ts';
import { badInput, parseInput } from '../../lib/errors.ts';
import { DEFAULT_PAGE, MAX_PAGE } from '../../lib/pagination.ts';
import type { Queryable } from '../../lib/audit/collector.ts';
import type { ChainStatusView } from './chain.ts';
import type { AuditLoaders, AuditEntryView } from './loaders.ts';

type Ctx = SubgraphContext<AuditLoaders>;

/** The calendar date and the time are real (Date.parse would roll 2025-02-30 over to March). */
function isCalendarInstant(s: string): boolean {
  const day = s.slice(0, 10);
  const calendar = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== day) return false;
  const [h = 0, m = 0, sec = 0] = (/T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(s) ?? []).slice(1).map((v) => Number(v ?? 0));
  return h < 24 && m < 60 && sec < 60 && !Number.isNaN(Date.parse(s));
}

const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** An ISO 8601 date or date-time; without an offset it is UTC. */
const instant = z.string().regex(INSTANT, 'must be an ISO 8601 date or date-time, e.g. 2025-03-01 or 2025-03-01T12:00:00Z')
  .transform((s) => (s.length === 10 ? `${s}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`))
  .refine(isCalendarInstant, 'is not a valid date');

const filterInput = z.object({
  member: z.string().max(100).nullish(),
  entity: z.string().max(200).nullish(),
  entityType: z.string().max(100).nullish(),
  kind: z.enum(['MUTATION', 'CONSULTATION', 'DENIAL', 'EXPORT']).nullish(),
  decision: z.enum(['ALLOWED', 'DENIED']).nullish(),
  from: instant.nullish(),
  to: instant.nullish(),
}).nullish();

// Keyset cursors: the log only grows at its newest end, so a page never shifts while an auditor reads on.
const cursorOf = (seq: string) => Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
function seqOf(cursor: string): string {
  const m = /^s:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badInput('after is not a cursor this list returned.');
  return m[1]!;
}

/** The resolvers, with `chainStatus` giving the (possibly remembered) verdict on the whole chain. */
export const auditResolvers = (chainStatus: (db: Queryable) => Promise<ChainStatusView>) => ({
  AuditEntry: {
    member: (e: AuditEntryView) => (e.memberId ? { id: e.memberId } : null),
    agency: (e: AuditEntryView) => (e.agencyId ? { id: e.agencyId } : null),
  },
  Query: {
    auditChain: async (_: unknown, _args: unknown, ctx: Ctx, info: GraphQLResolveInfo) => {
      const status = await chainStatus(ctx.db);
      // Reading the chain's state is a consultation of the log, logged as its reads are.
      ctx.audit.record({
        kind: 'CONSULTATION', decision: 'ALLOWED', operationType: 'query', operationName: ctx.audit.operationNameOf(info.operation),
        entityType: 'AuditEntry', entityIds: [], field: 'Query.auditChain',
      });
      return status;
    },
    auditLog: async (_: unknown, args: { filter?: unknown; first?: number | null; after?: string | null }, ctx: Ctx, info: GraphQLResolveInfo) => {
      const filter = parseInput(filterInput, args.filter) ?? {};
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
  },
});
