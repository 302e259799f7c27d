import { memberReference } from '../../../lib/memberReference.ts';
import { fieldAtTier } from '../../../lib/access.ts';
import { notFound } from '../../../lib/errors.ts';
import { diffProcedureViews } from '../diff.ts';
import { dimensionValueOf } from '../dimensionValues.ts';
import { procedureVisible } from '../views.ts';
import type { ProcedureView } from '../views.ts';
import type { Ctx } from './context.ts';
import type { ProcedureResolvers } from './types.generated.ts';

const visibleVersions = async (p: ProcedureView, ctx: Ctx) =>
  (await ctx.loaders.versions.load(p.id)).filter((v) => procedureVisible(ctx.viewer, v));

export const Procedure: ProcedureResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.procedure.load(ref.id),
  jurisdiction: (p) => ({ code: p.jurisdictionCode }),
  agency: (p) => ({ id: p.agencyId }),
  legalBasisIds: (p) => p.legalBasis,
  steps: (p) => p.steps.map((s, i) => ({ position: i + 1, ...s, safeguards: s.safeguards ?? [] })),
  dimensionValues: async (p, _, ctx) => {
    const keys = Object.keys(p.dimensionValues).sort();
    const dims = await ctx.loaders.dimension.loadMany(keys);
    return keys.flatMap((key, i) => {
      const dim = dims[i];
      return dim && !(dim instanceof Error) ? [dimensionValueOf(dim, p.dimensionValues[key])] : [];
    });
  },
  operationalNotes: (p, _, ctx) => fieldAtTier(ctx.viewer, 'LEA', p.operationalNotes),
  resourcing: (p, _, ctx) =>
    fieldAtTier(ctx.viewer, 'MANAGEMENT', p.resourcing && { ...{ staff: null, budgetEur: null, tooling: [] }, ...p.resourcing }),
  history: async (p, _, ctx) =>
    (await visibleVersions(p, ctx)).map((v) => ({
      version: v.version,
      status: v.status,
      title: v.title,
      effectiveFrom: v.effectiveFrom,
      inForceUntil: v.inForceUntil,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      changeNote: v.changeNote,
      backdatingReason: v.backdatingReason,
      createdBy: memberReference(ctx.viewer, v.createdBy),
    })),
  diff: async (p, args, ctx) => {
    const versions = await visibleVersions(p, ctx);
    const left = versions.find((v) => v.version === args.from);
    const right = versions.find((v) => v.version === args.to);
    if (!left) throw notFound(`Version ${args.from} of this procedure`);
    if (!right) throw notFound(`Version ${args.to} of this procedure`);
    return diffProcedureViews(ctx.viewer, left, right);
  },
};
