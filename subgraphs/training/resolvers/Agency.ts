import { today } from '../../../lib/scalars.ts';
import { trainingReportOf } from '../trainingReport.ts';
import type { AgencyResolvers } from './types.generated.ts';

export const Agency: AgencyResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  trainingSummary: async (agency, _, ctx) =>
    trainingReportOf(await ctx.loaders.figuresOfAgency.load(agency.id), today()),
};
