import { describe, expect, it } from 'vitest';
import { formatDate, needingReview, openAssignments, recentVersions } from '../web/src/components/home/homeData.ts';

const es = { code: 'ES', name: 'Spain' };
const ct = { code: 'ES-CT', name: 'Catalonia' };

describe('recentVersions', () => {
  it('keeps the newest published version of each procedure, newest first, and leaves drafts out', () => {
    const list = recentVersions([
      { id: 'a', topic: 'MONITORING', jurisdiction: ct, history: [
        { version: 3, status: 'DRAFT', title: 'A draft', publishedAt: null },
        { version: 2, status: 'IN_FORCE', title: 'A v2', publishedAt: '2025-09-01T09:00:00Z', changeNote: 'Retention cut' },
        { version: 1, status: 'SUPERSEDED', title: 'A v1', publishedAt: '2021-02-01T09:00:00Z' },
      ] },
      { id: 'b', topic: 'COMMUNICATION', jurisdiction: es, history: [{ version: 1, status: 'IN_FORCE', title: 'B', publishedAt: '2026-01-01T09:00:00Z' }] },
      { id: 'c', topic: 'COMMUNICATION', jurisdiction: es, history: [{ version: 1, status: 'DRAFT', title: 'C', publishedAt: null }] },
    ]);
    expect(list.map((v) => [v.procedureId, v.version, v.title, v.changeNote])).toEqual([
      ['b', 1, 'B', null],
      ['a', 2, 'A v2', 'Retention cut'],
    ]);
  });

  it('stops at the limit and orders equal times by id', () => {
    const same = (id: string) => ({ id, topic: 'MONITORING', jurisdiction: es, history: [{ version: 1, status: 'IN_FORCE', title: id, publishedAt: '2024-01-01T09:00:00Z' }] });
    expect(recentVersions([same('z'), same('m'), same('a')], 2).map((v) => v.procedureId)).toEqual(['a', 'm']);
  });
});

describe('needingReview', () => {
  it('keeps the jurisdiction’s procedures awaiting review, by title', () => {
    const p = (id: string, title: string, reviewStatus: string, jurisdiction = ct) => ({ id, title, reviewStatus, jurisdiction });
    expect(needingReview([p('1', 'Zeta', 'NEEDS_REVIEW'), p('2', 'Alpha', 'NEEDS_REVIEW'), p('3', 'Beta', 'CURRENT'), p('4', 'Gamma', 'NEEDS_REVIEW', es)], 'ES-CT')
      .map((x) => x.id)).toEqual(['2', '1']);
  });
});

describe('openAssignments', () => {
  const a = (id: string, status: string, dueOn: string, extra: Partial<{ overdue: boolean; needsRefresh: boolean; refreshDueOn: string }> = {}) =>
    ({ id, status, dueOn, overdue: false, needsRefresh: false, ...extra });
  it('lists what is still to do, overdue first then by date, including completed courses due a refresher', () => {
    const list = openAssignments([
      a('done', 'COMPLETED', '2026-01-01'),
      a('cancelled', 'CANCELLED', '2026-01-01'),
      a('later', 'ASSIGNED', '2027-03-01'),
      a('soon', 'IN_PROGRESS', '2026-10-01'),
      a('late', 'OVERDUE', '2026-12-01', { overdue: true }),
      a('refresh', 'COMPLETED', '2025-01-01', { needsRefresh: true, refreshDueOn: '2026-11-01' }),
    ]);
    expect(list.map((x) => x.id)).toEqual(['late', 'soon', 'refresh', 'later']);
  });
});

describe('formatDate', () => {
  it('writes calendar dates and instants as the day they name in UTC', () => {
    expect(formatDate('2026-09-30', 'en-GB')).toBe('30 Sept 2026');
    expect(formatDate('2025-09-01T09:00:00.000Z', 'en-GB')).toBe('1 Sept 2025');
    expect(formatDate('not a date', 'en-GB')).toBe('not a date');
  });
});
