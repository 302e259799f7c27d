import { bindSql } from './sqlFragments.ts';
import type { SqlFragment } from './sqlFragments.ts';

/** Collects SQL conditions; the values of each fragment added are appended to `params` and numbered there. */
export function sqlConditions(params: unknown[], initial: string[] = []) {
  const list = [...initial];
  return {
    list,
    add(condition: SqlFragment) {
      list.push(bindSql(params, condition));
    },
  };
}
