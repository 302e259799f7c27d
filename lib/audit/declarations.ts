import type { Guarded } from '../access.ts';

/** The items a field exports: their type and ids. */
export interface ExportedItems {
  entityType: string;
  ids: string[];
}

/** What a subgraph tells the kernel's audit about its own types. */
export interface AuditDeclarations {
  /** Fields that export data (logged as EXPORT when resolved), by schema coordinate `Type.field`, with the items exported. */
  exports?: Record<string, (parent: any) => ExportedItems>;
  /**
   * Fields whose value carries the content of non-PUBLIC items without being those items (a diff, a comparison's
   * cell values, a report's list of people), by schema coordinate, with those items: logged as a CONSULTATION when the
   * field resolves, whatever is selected below it.
   */
  consults?: Record<string, (value: any) => ExportedItems[]>;
  /**
   * Whether an object of a type is a non-PUBLIC item, for types whose objects do not say it with their own
   * `visibility` and `restrictedTo` (the default rule). Types named here are audited even without `@key`.
   */
  restricted?: Record<string, (item: any) => boolean>;
}

/** An item anyone may read: PUBLIC and not restricted to jurisdictions. Everything else is audited when consulted. */
export const isPublic = (g: Guarded) => g.visibility === 'PUBLIC' && (g.restrictedTo?.length ?? 0) === 0;
export const isNonPublic = (g: Guarded) => !isPublic(g);

/** The distinct ids of the items given (nulls skipped), e.g. the items in the cells of an exported matrix. */
export const distinctIds = (items: readonly ({ id: string } | null | undefined)[]): string[] =>
  [...new Set(items.flatMap((i) => (i ? [i.id] : [])))];
