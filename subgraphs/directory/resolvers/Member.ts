import { reaches } from '../../../lib/access.ts';
import { forbidden } from '../../../lib/errors.ts';
import type { MemberRow } from '../entities.ts';
import { memberVisible } from '../views.ts';
import type { Ctx } from './context.ts';

export const Member = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx) => {
    const m = await ctx.loaders.member.load(ref.id);
    return m && memberVisible(ctx.viewer, m) ? m : null;
  },
  agency: (m: MemberRow, _: unknown, ctx: Ctx) => ctx.loaders.agency.load(m.agencyId),
  email: (m: MemberRow, _: unknown, ctx: Ctx) => {
    if (m.id === ctx.viewer.memberId || reaches(ctx.viewer, 'LEA')) return m.email;
    throw forbidden('Email addresses are visible to law-enforcement staff only.');
  },
};
