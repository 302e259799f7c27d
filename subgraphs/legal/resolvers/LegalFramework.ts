import type { FrameworkView } from '../views.ts';
import type { Ctx } from './context.ts';

export const LegalFramework = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.framework.load(ref.id),
  jurisdiction: (f: FrameworkView) => ({ code: f.jurisdictionCode }),
  transposes: (f: FrameworkView, _: unknown, ctx: Ctx) => (f.transposes ? ctx.loaders.framework.load(f.transposes) : null),
  transposedBy: (f: FrameworkView, _: unknown, ctx: Ctx) => ctx.loaders.transposingActs.load(f.id),
  provisions: (f: FrameworkView, _: unknown, ctx: Ctx) => ctx.loaders.provisionsAt(f.at).ofFramework.load(f.id),
  contributions: (f: FrameworkView, _: unknown, ctx: Ctx) => ctx.loaders.contributionsOfFramework.load(f.id),
};

export const Jurisdiction = {
  legalFrameworks: async (j: { code: string }, args: { topic?: string | null }, ctx: Ctx) =>
    (await ctx.loaders.frameworksOfJurisdiction.load(j.code)).filter((f) => !args.topic || f.topics.includes(args.topic)),
};
