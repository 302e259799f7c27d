import { memberReference } from '../../../lib/memberReference.ts';
import type { LegalProvisionResolvers, ProvisionVersionResolvers } from './types.generated.ts';

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The version fields shared by a provision read and its history entries. */
export const provenance: Pick<LegalProvisionResolvers, 'proposedBy' | 'acceptedBy' | 'contribution'> = {
  proposedBy: (p, _, ctx) => memberReference(ctx.viewer, p.proposedBy),
  acceptedBy: (p, _, ctx) => memberReference(ctx.viewer, p.acceptedBy),
  contribution: (p, _, ctx) => (p.contributionId ? ctx.loaders.contribution.load(p.contributionId) : null),
};

export const ProvisionVersion: ProvisionVersionResolvers = {
  ...provenance,
  createdAt: (p) => new Date(p.createdAt).toISOString(),
};
