import type { LegalFrameworkResolvers } from './types.generated.ts';

export const LegalFramework: LegalFrameworkResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.framework.load(ref.id),
  jurisdiction: (f) => ({ code: f.jurisdictionCode }),
  transposes: (f, _, ctx) => (f.transposes ? ctx.loaders.framework.load(f.transposes) : null),
  transposedBy: (f, _, ctx) => ctx.loaders.transposingActs.load(f.id),
  provisions: (f, _, ctx) => ctx.loaders.provisionsAt(f.at).ofFramework.load(f.id),
  contributions: (f, _, ctx) => ctx.loaders.contributionsOfFramework.load(f.id),
};
