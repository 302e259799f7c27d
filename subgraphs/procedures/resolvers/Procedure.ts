import { memberReference } from '../../../lib/memberReference.ts';
import { fieldAtTier } from '../../../lib/access.ts';
import { notFound } from '../../../lib/errors.ts';
import { diffProcedureViews } from '../diff.ts';
import { dimensionValueOf } from '../dimensionValues.ts';
import { procedureVisible } from '../views.ts';
import type { ProcedureView } from '../views.ts';
import type { Ctx } from './context.ts';

const visibleVersions = async (p: ProcedureView, ctx: Ctx) =>
  (await ctx.loaders.versions.load(p.id)).filter((v) => procedureVisible(ctx.viewer, v));

export const Procedure = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.procedure.load(ref.id),
  jurisdiction: (p: ProcedureView) => ({ code: p.jurisdictionCode }),
  agency: (p: ProcedureView) => ({ id: p.agencyId }),
  legalBasisIds: (p: ProcedureView) => p.legalBasis,
  steps: (p: ProcedureView) => p.steps.map((s, i) => ({ position: i + 1, ...s, safeguards: s.safeguards ?? [] })),
  dimensionValues: async (p: ProcedureView, _: unknown, ctx: Ctx) => {
    const keys = Object.keys(p.dimensionValues).sort();
    const dims = await ctx.loaders.dimension.loadMany(keys);
    return keys.flatMap((key, i) => {
      const dim = dims[i];
      return dim && !(dim instanceof Error) ? [dimensionValueOf(dim, p.dimensionValues[key])] : [];
    });
  },
  operationalNotes: (p: ProcedureView, _: unknown, ctx: Ctx) => fieldAtTier(ctx.viewer, 'LEA', p.operationalNotes),
  resourcing: (p: ProcedureView, _: unknown, ctx: Ctx) =>
    fieldAtTier(ctx.viewer, 'MANAGEMENT', p.resourcing && { ...{ staff: null, budgetEur: null, tooling: [] }, ...p.resourcing }),
  history: async (p: ProcedureView, _: unknown, ctx: Ctx) =>
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
  diff: async (p: ProcedureView, args: { from: number; to: number }, ctx: Ctx) => {
    const versions = await visibleVersions(p, ctx);
    const left = versions.find((v) => v.version === args.from);
    const right = versions.find((v) => v.version === args.to);
    if (!left) throw notFound(`Version ${args.from} of this procedure`);
    if (!right) throw notFound(`Version ${args.to} of this procedure`);
    return diffProcedureViews(ctx.viewer, left, right);
  },
};

export const Jurisdiction = {
  procedures: async (j: { code: string }, args: { topic?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.proceduresOfJurisdiction.load(j.code)).filter((p) => !args.topic || p.topic === args.topic),
};

export const Agency = {
  procedures: async (a: { id: string }, args: { topic?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.proceduresOfAgency.load(a.id)).filter((p) => !args.topic || p.topic === args.topic),
};
