import { reaches } from '../../../lib/access.ts';
import { forbidden } from '../../../lib/errors.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { memberVisible } from '../views.ts';
import type { MemberResolvers } from './types.generated.ts';

export const Member: MemberResolvers = {
  __resolveReference: async (ref, ctx) => {
    const m = await ctx.loaders.member.load(ref.id);
    return m && memberVisible(ctx.viewer, m) ? m : null;
  },
  // Every member belongs to an agency (a foreign key); agencies are public.
  agency: async (m, _, ctx) => expectRow(await ctx.loaders.agency.load(m.agencyId), m.agencyId),
  email: (m, _, ctx) => {
    if (m.id === ctx.viewer.memberId || reaches(ctx.viewer, 'LEA')) return m.email;
    throw forbidden('Email addresses are visible to law-enforcement staff only.');
  },
};
