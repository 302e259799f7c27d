import { canSee } from '../../../lib/access.ts';
import { expectRow } from '../../../lib/loaders.ts';
import type { AgencyResolvers } from './types.generated.ts';

export const Agency: AgencyResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.agency.load(ref.id),
  // Every agency is in a jurisdiction (a foreign key); jurisdictions are public.
  jurisdiction: async (a, _, ctx) => expectRow(await ctx.loaders.jurisdiction.load(a.jurisdictionCode), a.jurisdictionCode),
  members: async (a, _, ctx) =>
    canSee(ctx.viewer, { visibility: 'MEMBERS' }) ? ctx.loaders.membersOfAgency.load(a.id) : [],
};
