import { notFound } from '../../../lib/errors.ts';
import { memberReference } from '../../../lib/memberReference.ts';
import { diffWords } from '../wordDiff.ts';
import type { ProvisionView } from '../views.ts';
import { positionOf } from '../positions.ts';
import type { Ctx } from './context.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The version fields shared by a provision read and its history entries. */
const provenance = {
  proposedBy: (p: ProvisionView, _: unknown, ctx: Ctx) => memberReference(ctx.viewer, p.proposedBy),
  acceptedBy: (p: ProvisionView, _: unknown, ctx: Ctx) => memberReference(ctx.viewer, p.acceptedBy),
  contribution: (p: ProvisionView, _: unknown, ctx: Ctx) => (p.contributionId ? ctx.loaders.contribution.load(p.contributionId) : null),
};

export const ProvisionVersion = {
  ...provenance,
  createdAt: (p: ProvisionView) => new Date(p.createdAt).toISOString(),
};

export const LegalProvision = {
  ...provenance,
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.provisionsAt(null).provision.load(ref.id),
  framework: (p: ProvisionView, _: unknown, ctx: Ctx) => ctx.loaders.framework.load(p.frameworkId),
  positions: async (p: ProvisionView, _: unknown, ctx: Ctx) => {
    const keys = Object.keys(p.dimensionValues).sort();
    const dims = await ctx.loaders.dimension.loadMany(keys);
    return keys.flatMap((key, i) => {
      const dim = dims[i];
      return dim && !(dim instanceof Error) ? [positionOf(dim, p.dimensionValues[key])] : [];
    });
  },
  // The versions share the provision's guard, which the reader already passed to hold `p`.
  history: (p: ProvisionView, _: unknown, ctx: Ctx) => ctx.loaders.versions.load(p.id),
  diff: async (p: ProvisionView, args: { from: number; to: number }, ctx: Ctx) => {
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
