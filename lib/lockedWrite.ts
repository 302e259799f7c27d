import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { canSee } from './access.ts';
import type { Viewer } from './access.ts';
import { badInput, conflict, forbidden, notFound } from './errors.ts';
import { storable } from './inputSchemas.ts';

/**
 * How strongly a write holds the item's row (PostgreSQL's row locks). 'update' (the default) keeps every other write
 * out; 'share' lets other holders of 'share' in but keeps changes out; 'keyShare' only keeps the row from being
 * deleted or its key changed, as a write that merely adds a row referring to the item needs.
 */
export type LockStrength = 'update' | 'share' | 'keyShare';

const LOCKING_CLAUSE: Record<LockStrength, string> = {
  update: 'FOR UPDATE',
  share: 'FOR SHARE',
  keyShare: 'FOR KEY SHARE',
};

/** One kind of item a write locks: how its rows are read and who may reach and change it. */
export interface WriteTargetSpec<Item> {
  /** What people call it, capitalised ("Legal provision"); messages are built from it. */
  noun: string;
  /** A SELECT of the item's rows, its id being $1, without a locking clause. */
  select: string;
  /** The alias, in `select`, of the table whose row is locked for the write. */
  locks: string;
  lockStrength?: LockStrength;
  /** Builds the item from the rows selected (none when the id is unknown); the first row by default. */
  toItem?: (rows: any[]) => Item | undefined;
  /** Whether the viewer may see the item at all; anything else is NOT_FOUND, as if it did not exist. */
  visible: (viewer: Viewer, item: Item) => boolean;
  /** Whether a viewer who sees the item may make this kind of write; anything else is FORBIDDEN with `refusal`. */
  mayChange?: (viewer: Viewer, item: Item) => boolean;
  refusal?: string;
}

export interface WriteTarget<Item> {
  /**
   * Locks the item for the rest of the transaction and returns it. Hidden or unknown is NOT_FOUND; seen but not the
   * viewer's to change is FORBIDDEN; `buildsOn`, when given, says whether the viewer can read what the write builds
   * on, and NOT_FOUND (the same answer as for an unknown id) when not.
   */
  lock(tx: EntityManager, viewer: Viewer, id: string, buildsOn?: (item: Item) => boolean): Promise<Item>;
  /** The NOT_FOUND error for an id of this kind. */
  notFound(id: string): Error;
  /** CONFLICT unless the write starts from the version it expects (the caller can read `current`: it was locked). */
  expectVersion(current: number, expected: number): void;
  /** Content its own author could no longer read is refused rather than written and lost from sight. */
  expectReadable<G>(viewer: Viewer, next: G, readable?: (viewer: Viewer, next: G) => boolean): void;
}

export function writeTarget<Item>(spec: WriteTargetSpec<Item>): WriteTarget<Item> {
  const toItem = spec.toItem ?? ((rows: any[]) => rows[0] as Item | undefined);
  const lower = spec.noun.charAt(0).toLowerCase() + spec.noun.slice(1);
  const missing = (id: string) => notFound(`${spec.noun} "${id}"`);
  return {
    async lock(tx, viewer, id, buildsOn) {
      if (!storable(id)) throw notFound(`${spec.noun} ${JSON.stringify(id.slice(0, 100))}`);
      const item = toItem(await tx.query(`${spec.select} ${LOCKING_CLAUSE[spec.lockStrength ?? 'update']} OF ${spec.locks}`, [id]));
      if (!item || !spec.visible(viewer, item)) throw missing(id);
      if (spec.mayChange && !spec.mayChange(viewer, item)) throw forbidden(spec.refusal);
      if (buildsOn && !buildsOn(item)) throw missing(id);
      return item;
    },
    notFound: missing,
    expectVersion(current, expected) {
      if (current !== expected) throw conflict(`This ${lower} is at version ${current}, not ${expected}: reload it and apply your change again.`);
    },
    expectReadable<G>(viewer: Viewer, next: G, readable = canSee as (viewer: Viewer, next: G) => boolean) {
      if (!readable(viewer, next)) throw badInput(`visibility and restrictedTo must leave the ${lower} readable by you.`);
    },
  };
}

/** Reads an item again after a write: its loader and the loaders of what hangs off it forget what they held. */
export function reloadAfterWrite<K, V>(id: K, loader: DataLoader<K, V>, ...related: DataLoader<K, unknown>[]): Promise<V> {
  for (const r of related) r.clear(id);
  return loader.clear(id).load(id);
}
