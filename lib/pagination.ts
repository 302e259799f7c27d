import { badInput } from './errors.ts';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  limit: number;
  offset: number;
}

/** Validates `first`/`after` (first in 1..max) and turns them into limit/offset. */
export function pageOf(args: PageArgs, max = MAX_PAGE, fallback = DEFAULT_PAGE): Page {
  const first = args.first ?? fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(`first must be between 1 and ${max}.`);
  let offset = 0;
  if (args.after) {
    const decoded = /^o:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!decoded) throw badInput('after is not a cursor this list returned.');
    offset = Number(decoded[1]) + 1;
  }
  return { limit: first, offset };
}

export const cursorAt = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Builds a connection from one page of nodes and the total the viewer may see. */
export function connectionOf<T>(nodes: T[], totalCount: number, page: Page): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: cursorAt(page.offset + i), node }));
  return {
    totalCount,
    edges,
    nodes,
    pageInfo: {
      hasNextPage: page.offset + nodes.length < totalCount,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
