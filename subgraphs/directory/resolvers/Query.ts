import type { AgencyRow, JurisdictionRow } from '../entities.ts';
import { memberVisible } from '../views.ts';
import type { QueryResolvers } from './types.generated.ts';

export const Query: QueryResolvers = {
  me: async (_, __, ctx) =>
    ctx.viewer.memberId ? ctx.loaders.member.load(ctx.viewer.memberId) : null,
  jurisdictions: async (_, args, ctx) => {
    const repo = ctx.db.getRepository<JurisdictionRow>('Jurisdiction');
    return repo.find({ where: args.level ? { level: args.level } : {}, order: { code: 'ASC' } });
  },
  jurisdiction: (_, args, ctx) => ctx.loaders.jurisdiction.load(args.code),
  agencies: async (_, args, ctx) => {
    const where: Record<string, string> = {};
    if (args.jurisdiction) where.jurisdictionCode = args.jurisdiction;
    if (args.kind) where.kind = args.kind;
    return ctx.db.getRepository<AgencyRow>('Agency').find({ where, order: { name: 'ASC' } });
  },
  agency: (_, args, ctx) => ctx.loaders.agency.load(args.id),
  member: async (_, args, ctx) => {
    const m = await ctx.loaders.member.load(args.id);
    return m && memberVisible(ctx.viewer, m) ? m : null;
  },
};
