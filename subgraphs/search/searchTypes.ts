/** The SearchType enum value of each entity type name the index stores. */
export const SEARCH_TYPES = {
  PROCEDURE: 'Procedure',
  LEGAL_FRAMEWORK: 'LegalFramework',
  LEGAL_PROVISION: 'LegalProvision',
  CURRICULUM: 'Curriculum',
  WORKSHOP: 'Workshop',
  SWOT_ITEM: 'SwotItem',
  RECOMMENDATION: 'Recommendation',
} as const;

export type SearchTypeValue = keyof typeof SEARCH_TYPES;

const BY_TYPE_NAME = new Map<string, SearchTypeValue>(Object.entries(SEARCH_TYPES).map(([k, v]) => [v, k as SearchTypeValue]));

export const typeNameOf = (t: SearchTypeValue) => SEARCH_TYPES[t];
export const searchTypeOf = (typeName: string) => BY_TYPE_NAME.get(typeName) ?? null;
export const isSearchableType = (typeName: string) => BY_TYPE_NAME.has(typeName);
