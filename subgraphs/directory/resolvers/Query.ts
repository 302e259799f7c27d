import type { AgencyRow, JurisdictionRow } from '../entities.ts';
import { memberVisible } from '../views.ts';
import type { Ctx } from './context.ts';

export const Query = {
  me: async (_: unknown, __: unknown, ctx: Ctx) =>
    ctx.viewer.memberId ? ctx.loaders.member.load(ctx.viewer.memberId) : null,
  jurisdictions: async (_: unknown, args: { level?: string | null }, ctx: Ctx) => {
    const repo = ctx.db.getRepository<JurisdictionRow>('Jurisdiction');
    return repo.find({ where: args.level ? { level: args.level } : {}, order: { code: 'ASC' } });
  },
  jurisdiction: (_: unknown, args: { code: string }, ctx: Ctx) => ctx.loaders.jurisdiction.load(args.code),
  agencies: async (_: unknown, args: { jurisdiction?: string | null; kind?: string | null }, ctx: Ctx) => {
    const where: Record<string, string> = {};
    if (args.jurisdiction) where.jurisdictionCode = args.jurisdiction;
    if (args.kind) where.kind = args.kind;
    return ctx.db.getRepository<AgencyRow>('Agency').find({ where, order: { name: 'ASC' } });
  },
  agency: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.loaders.agency.load(args.id),
  member: async (_: unknown, args: { id: string }, ctx: Ctx) => {
    const m = await ctx.loaders.member.load(args.id);
    return m && memberVisible(ctx.viewer, m) ? m : null;
  },
};
