import type { JurisdictionResolvers } from './types.generated.ts';

export const Jurisdiction: JurisdictionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.jurisdiction.load(ref.code),
  parent: (j, _, ctx) => (j.parentCode ? ctx.loaders.jurisdiction.load(j.parentCode) : null),
  children: (j, _, ctx) => ctx.loaders.childJurisdictions.load(j.code),
  agencies: (j, _, ctx) => ctx.loaders.agenciesOfJurisdiction.load(j.code),
};
