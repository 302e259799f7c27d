import type { SearchQuery } from '../../gql/graphql.ts';

export type Hit = SearchQuery['search']['hits'][number];

/** Where a hit opens: procedures have their own page, every other type the generic item page. */
export function hitPath(hit: Hit): string | null {
  const entity = hit.entity;
  if (!entity) return null;
  const id = encodeURIComponent(entity.id);
  switch (entity.__typename) {
    case 'Procedure': return `/procedures/${id}`;
    // A SWOT item has no query of its own: it is read through its workshop.
    case 'SwotItem': return `/items/SWOT_ITEM/${id}?workshop=${encodeURIComponent(entity.workshop.id)}`;
    default: return `/items/${hit.type}/${id}`;
  }
}

/** The jurisdiction a hit belongs to, where it has one. */
export function hitJurisdiction(hit: Hit): { code: string; name: string } | null {
  const e = hit.entity;
  switch (e?.__typename) {
    case 'Procedure':
    case 'LegalFramework': return e.jurisdiction;
    case 'LegalProvision': return e.framework.jurisdiction;
    case 'Workshop': return e.city;
    case 'SwotItem':
    case 'Recommendation': return e.workshop.city;
    default: return null;
  }
}

/** The language a hit's own text is written in, where its type records a single one (the interface keeps the member's). */
export function hitLanguage(hit: Hit): string | undefined {
  const e = hit.entity;
  switch (e?.__typename) {
    case 'Procedure':
    case 'Curriculum':
    case 'Workshop': return e.language;
    case 'SwotItem':
    case 'Recommendation': return e.workshop.language;
    default: return undefined;
  }
}
