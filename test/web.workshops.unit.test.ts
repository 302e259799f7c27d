import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allowedTransitions, byQuadrant, chronological, formatDateRange, formatDateTime, implementationTarget, matrixJurisdictions, matrixRows,
  mayChangeStatus, mayVote, validReason,
} from '../web/src/components/workshops/workshops.ts';

describe('chronological', () => {
  it('orders workshops by their first day, oldest first, ties by id, without changing the input', () => {
    const input = [
      { id: 'dub', startsOn: '2025-03-11' }, { id: 'bcn', startsOn: '2024-11-19' }, { id: 'b', startsOn: '2025-03-11' },
    ];
    expect(chronological(input).map((w) => w.id)).toEqual(['bcn', 'b', 'dub']);
    expect(input.map((w) => w.id)).toEqual(['dub', 'bcn', 'b']);
  });
});

describe('dates', () => {
  it('writes a range in the console language and one day once', () => {
    expect(formatDateRange('2024-11-19', '2024-11-20', 'en-GB')).toBe('19\u2009–\u200920 Nov 2024');
    expect(formatDateRange('2025-03-11', '2025-03-11', 'en-GB')).toBe('11 Mar 2025');
    // The console's "en" is British English: day before month.
    expect(formatDateRange('2025-03-11', '2025-03-11', 'en')).toBe('11 Mar 2025');
    expect(formatDateRange('2024-11-19', '2024-11-20', 'de')).toBe('19.–20. Nov. 2024');
    expect(formatDateRange('2024-11-19', '2024-11-20', 'es')).toBe('19–20 nov 2024');
  });

  it('writes an instant as date and time in the given zone, and leaves an unreadable value as it is', () => {
    expect(formatDateTime('2025-01-15T10:00:00Z', 'en-GB', 'Europe/Brussels')).toBe('15 Jan 2025, 11:00');
    expect(formatDateTime('not a date', 'en-GB')).toBe('not a date');
  });
});

describe('who may act', () => {
  it('lets law-enforcement members vote, nobody else', () => {
    expect(mayVote({ roles: [], agency: { orgKind: 'LEA' } })).toBe(true);
    expect(mayVote({ roles: ['ADMIN'], agency: { orgKind: 'PUBLIC_AUTHORITY' } })).toBe(false);
    expect(mayVote({ roles: [], agency: { orgKind: 'PARTNER' } })).toBe(false);
    expect(mayVote(null)).toBe(false);
  });

  it('lets administrators change a status, nobody else', () => {
    expect(mayChangeStatus({ roles: ['ADMIN'], agency: { orgKind: 'PUBLIC_AUTHORITY' } })).toBe(true);
    expect(mayChangeStatus({ roles: ['EDITOR', 'REVIEWER'], agency: { orgKind: 'LEA' } })).toBe(false);
    expect(mayChangeStatus(undefined)).toBe(false);
  });
});

describe('allowedTransitions', () => {
  it('offers the transitions the API documents, and none from a final status', () => {
    expect(allowedTransitions('PROPOSED')).toEqual(['ENDORSED', 'REJECTED']);
    expect(allowedTransitions('ENDORSED')).toEqual(['IN_PROGRESS', 'REJECTED']);
    expect(allowedTransitions('IN_PROGRESS')).toEqual(['IMPLEMENTED', 'ENDORSED']);
    expect(allowedTransitions('REJECTED')).toEqual(['PROPOSED']);
    expect(allowedTransitions('IMPLEMENTED')).toEqual([]);
    expect(allowedTransitions('UNKNOWN')).toEqual([]);
  });

  it('requires a reason with more than blanks', () => {
    expect(validReason('   ')).toBeNull();
    expect(validReason('  Endorsed. ')).toBe('Endorsed.');
  });
});

describe('byQuadrant', () => {
  const items = [
    { id: '1', quadrant: 'THREAT', topic: 'MONITORING' },
    { id: '2', quadrant: 'STRENGTH', topic: 'COMMUNICATION' },
    { id: '3', quadrant: 'STRENGTH', topic: 'MONITORING' },
  ];
  it('keeps every quadrant in SWOT order, items in their order', () => {
    const all = byQuadrant(items, null);
    expect(Object.keys(all)).toEqual(['STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT']);
    expect(all.STRENGTH.map((i) => i.id)).toEqual(['2', '3']);
    expect(all.WEAKNESS).toEqual([]);
  });
  it('narrows to one topic', () => {
    const monitoring = byQuadrant(items, 'MONITORING');
    expect(monitoring.STRENGTH.map((i) => i.id)).toEqual(['3']);
    expect(monitoring.THREAT.map((i) => i.id)).toEqual(['1']);
  });
});

describe('matrixRows', () => {
  const figures = (count: number, weight: number) => ({
    itemCount: count, totalWeight: weight,
    quadrants: [{ quadrant: 'WEAKNESS', count, weight }, { quadrant: 'STRENGTH', count: 0, weight: 0 }],
  });
  it('gives one row per topic and a last row for all, each with the four quadrants in order (missing ones as zero)', () => {
    const rows = matrixRows({ COMMUNICATION: figures(2, 5), MONITORING: figures(1, 0), INVESTIGATION: figures(0, 0) }, figures(3, 5));
    expect(rows.map((r) => r.topic)).toEqual(['COMMUNICATION', 'MONITORING', 'INVESTIGATION', null]);
    expect(rows[0]!.cells).toEqual([
      { quadrant: 'STRENGTH', count: 0, weight: 0 }, { quadrant: 'WEAKNESS', count: 2, weight: 5 },
      { quadrant: 'OPPORTUNITY', count: 0, weight: 0 }, { quadrant: 'THREAT', count: 0, weight: 0 },
    ]);
    expect([rows[3]!.itemCount, rows[3]!.totalWeight]).toEqual([3, 5]);
  });
});

describe('implementationTarget', () => {
  it('links each kind to its page by name, and leaves out a target the API did not give', () => {
    expect(implementationTarget({ type: 'PROCEDURE', procedure: { id: 'proc-ie-communication', title: 'Garda channels' } }))
      .toEqual({ href: '/procedures/proc-ie-communication', name: 'Garda channels' });
    expect(implementationTarget({ type: 'LEGAL_FRAMEWORK', legalFramework: { id: 'eu-2022-2065', shortTitle: 'DSA' } }))
      .toEqual({ href: '/items/LEGAL_FRAMEWORK/eu-2022-2065', name: 'DSA' });
    expect(implementationTarget({ type: 'CURRICULUM', curriculum: { id: 'cur-hate-speech', title: 'Hate speech' } }))
      .toEqual({ href: '/items/CURRICULUM/cur-hate-speech', name: 'Hate speech' });
    expect(implementationTarget({ type: 'CURRICULUM', curriculum: null })).toBeNull();
  });
});

describe('matrixJurisdictions', () => {
  it('offers the Union, states and regions by name, not cities', () => {
    const list = matrixJurisdictions([
      { code: 'ES-CT-BCN', name: 'Barcelona (city)', level: 'LOCAL' }, { code: 'ES', name: 'Spain', level: 'NATIONAL' },
      { code: 'EU', name: 'European Union', level: 'SUPRANATIONAL' }, { code: 'ES-CT', name: 'Catalonia', level: 'REGIONAL' },
    ]);
    expect(list.map((j) => j.code)).toEqual(['ES-CT', 'EU', 'ES']);
  });
});

describe('the workshops catalogues', () => {
  const keys = (o: Record<string, unknown>, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]);
  const read = (language: string) => JSON.parse(readFileSync(new URL(`../web/src/i18n/${language}/workshops.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  it.each(['es', 'de'])('%s has every English key, and no other', (language) => {
    expect(keys(read(language)).sort()).toEqual(keys(read('en')).sort());
  });
});
