import type { EntityManager } from 'typeorm';
import type { Viewer, Visibility } from '../../lib/access.ts';
import type { ParsedQuery } from './queryText.ts';

/** One searchable item as an engine stores it; `type` + `id` name the entity that owns it. */
export interface SearchDocument {
  type: string;
  id: string;
  title: string;
  body: string;
  /** ISO 639-1 code of the text; decides stemming. */
  language: string;
  visibility: Visibility;
  restrictedTo: string[];
  jurisdiction: string | null;
  topics: string[];
  /** ISO timestamp of the last change. */
  updatedAt: string;
}

export interface DocumentKey {
  type: string;
  id: string;
}

export interface SearchFilter {
  types?: string[];
  jurisdictions?: string[];
  topics?: string[];
  languages?: string[];
}

export type SearchSort = 'RELEVANCE' | 'NEWEST';

/** What to look for and who is looking: engines filter by the viewer before ranking and counting. */
export interface SearchRequest {
  query: ParsedQuery;
  filter: SearchFilter;
  viewer: Viewer;
  sort: SearchSort;
  offset: number;
  limit: number;
}

export interface SearchHit extends DocumentKey {
  title: string;
  /** The document's guard, so that a consultation of a non-public hit can be logged. */
  visibility: Visibility;
  restrictedTo: string[];
  score: number;
  /** Fragment of the text with matches between <mark> and </mark>; other text HTML-escaped. */
  snippet: string;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
}

export const FACET_FIELDS = ['type', 'jurisdiction', 'topic'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface Facet {
  field: FacetField;
  values: { value: string; count: number }[];
}

/**
 * A full-text index over every searchable item. Writes are idempotent upserts keyed by type and id.
 * `tx` lets an engine that lives in PostgreSQL write in the caller's transaction; others ignore it
 * and acknowledge only once the write is durable.
 */
export interface SearchEngine {
  readonly name: string;
  index(docs: SearchDocument[], tx?: EntityManager): Promise<void>;
  remove(keys: DocumentKey[], tx?: EntityManager): Promise<void>;
  search(req: SearchRequest): Promise<SearchPage>;
  /** Counts per facet field over the same matches `search` counts (never other viewers' items). */
  facets(req: SearchRequest): Promise<Facet[]>;
  clear(): Promise<void>;
  /** Number of documents stored, whoever may see them (for operators: reindex and health). */
  count(): Promise<number>;
  close?(): Promise<void>;
}

export const keyOf = (d: DocumentKey) => `${d.type}:${d.id}`;
