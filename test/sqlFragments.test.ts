import { describe, expect, it } from 'vitest';
import { sqlConditions } from '../lib/sqlConditions.ts';
import { bindSql, rawSql, sql } from '../lib/sqlFragments.ts';

describe('SQL fragments', () => {
  it('keep PostgreSQL operators and a literal $1 as written', () => {
    const params: unknown[] = ['earlier'];
    const text = bindSql(params, sql`d.values ?| ${['a', 'b']}::text[] AND d.values ?& ARRAY['c'] AND d.values ? 'key' AND d.note <> '$1' AND d.id = ${7}`);
    expect(text).toBe(`d.values ?| $2::text[] AND d.values ?& ARRAY['c'] AND d.values ? 'key' AND d.note <> '$1' AND d.id = $3`);
    expect(params).toEqual(['earlier', ['a', 'b'], 7]);
  });

  it('number the values of combined fragments in the order they stand', () => {
    const inner = sql`x.tags ?| ${['t']}::text[] AND x.n > ${1}`;
    const outer = sql`${rawSql('p')}.id = ${'id-1'} AND (${inner}) AND x.label = '?' AND x.m < ${2}`;
    const params: unknown[] = ['a', 'b'];
    expect(bindSql(params, outer)).toBe(`p.id = $3 AND (x.tags ?| $4::text[] AND x.n > $5) AND x.label = '?' AND x.m < $6`);
    expect(params).toEqual(['a', 'b', 'id-1', ['t'], 1, 2]);
  });

  it('are numbered after what stands in params already, however they are collected', () => {
    const params: unknown[] = [];
    params.push('viewer');
    const conditions = sqlConditions(params, ['v.owner = $1']);
    conditions.add(sql`v.values ? ${'key'}`);
    conditions.add(sql`v.values ?& ${['a']}::text[] AND v.note = '$1'`);
    expect(conditions.list).toEqual(['v.owner = $1', 'v.values ? $2', `v.values ?& $3::text[] AND v.note = '$1'`]);
    expect(params).toEqual(['viewer', 'key', ['a']]);
  });
});
