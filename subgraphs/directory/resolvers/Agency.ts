import { canSee } from '../../../lib/access.ts';
import type { AgencyRow } from '../entities.ts';
import type { Ctx } from './context.ts';

export const Agency = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.agency.load(ref.id),
  jurisdiction: (a: AgencyRow, _: unknown, ctx: Ctx) => ctx.loaders.jurisdiction.load(a.jurisdictionCode),
  members: async (a: AgencyRow, _: unknown, ctx: Ctx) =>
    canSee(ctx.viewer, { visibility: 'MEMBERS' }) ? ctx.loaders.membersOfAgency.load(a.id) : [],
};
