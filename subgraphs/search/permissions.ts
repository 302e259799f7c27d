import { allow } from '../../lib/shieldRules.ts';

// Anyone may search; the engine filters every match by the viewer before ranking and counting.
export const permissions = {
  Query: { search: allow },
  SearchResults: allow,
  SearchHit: allow,
  SearchFacet: allow,
  SearchFacetValue: allow,
  PageInfo: allow,
  Procedure: allow,
  LegalFramework: allow,
  LegalProvision: allow,
  Curriculum: allow,
  Workshop: allow,
  SwotItem: allow,
  Recommendation: allow,
};
