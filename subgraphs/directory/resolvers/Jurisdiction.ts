import type { JurisdictionRow } from '../entities.ts';
import type { Ctx } from './context.ts';

export const Jurisdiction = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.jurisdiction.load(ref.code),
  parent: (j: JurisdictionRow, _: unknown, ctx: Ctx) => (j.parentCode ? ctx.loaders.jurisdiction.load(j.parentCode) : null),
  children: (j: JurisdictionRow, _: unknown, ctx: Ctx) => ctx.loaders.childJurisdictions.load(j.code),
  agencies: (j: JurisdictionRow, _: unknown, ctx: Ctx) => ctx.loaders.agenciesOfJurisdiction.load(j.code),
};
