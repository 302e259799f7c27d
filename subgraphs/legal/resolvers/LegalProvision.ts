import { notFound } from '../../../lib/errors.ts';
import { expectRow } from '../../../lib/loaders.ts';
import { diffWords } from '../wordDiff.ts';
import { positionOf } from '../positions.ts';
import type { LegalProvisionResolvers } from './types.generated.ts';
import { provenance, same } from './ProvisionVersion.ts';

export const LegalProvision: LegalProvisionResolvers = {
  ...provenance,
  __resolveReference: (ref, ctx) => ctx.loaders.provisionsAt(null).provision.load(ref.id),
  // A visible provision has a visible framework: it carries the framework's guard too.
  framework: async (p, _, ctx) => expectRow(await ctx.loaders.framework.load(p.frameworkId), p.frameworkId),
  positions: async (p, _, ctx) => {
    const keys = Object.keys(p.dimensionValues).sort();
    const dims = await ctx.loaders.dimension.loadMany(keys);
    return keys.flatMap((key, i) => {
      const dim = dims[i];
      return dim && !(dim instanceof Error) ? [positionOf(dim, p.dimensionValues[key])] : [];
    });
  },
  // The versions share the provision's guard, which the reader already passed to hold `p`.
  history: (p, _, ctx) => ctx.loaders.versions.load(p.id),
  diff: async (p, args, ctx) => {
    const versions = await ctx.loaders.versions.load(p.id);
    const from = versions.find((v) => v.version === args.from);
    const to = versions.find((v) => v.version === args.to);
    if (!from) throw notFound(`Version ${args.from} of this provision`);
    if (!to) throw notFound(`Version ${args.to} of this provision`);
    const changes = diffWords(from.text, to.text);
    const keys = [...new Set([...Object.keys(from.dimensionValues), ...Object.keys(to.dimensionValues)])].sort();
    const positions = keys.filter((k) => !same(from.dimensionValues[k], to.dimensionValues[k]))
      .map((k) => ({ dimension: k, before: from.dimensionValues[k] ?? null, after: to.dimensionValues[k] ?? null }));
    const headingChanged = from.heading !== to.heading;
    return {
      from,
      to,
      headingChanged,
      changes,
      positions,
      changedCount: changes.filter((c) => c.kind !== 'UNCHANGED').length + positions.length + (headingChanged ? 1 : 0),
    };
  },
};
