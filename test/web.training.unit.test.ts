import { describe, expect, it } from 'vitest';
import {
  assignmentState, byAudience, chartGeometry, moduleState, parseScore, refreshReasons, reportCsv, reportFileName, ticksFor, tierMismatch, unitPreview,
} from '../web/src/components/training/trainingData.ts';

// The training pages' pure logic: grouping, the unit-wide preview, refresher reasons, the chart's geometry and the CSV.

const counts = (assigned: number, notStarted: number, inProgress: number, completed: number, overdue: number, completionRate: number) =>
  ({ assigned, notStarted, inProgress, completed, overdue, completionRate });

describe('curricula and assignments', () => {
  it('groups curricula by audience, broadest first, each by title, leaving out empty audiences', () => {
    const groups = byAudience([
      { audience: 'PRACTITIONER', title: 'Open-source intelligence basics' },
      { audience: 'ALL', title: 'Two-way citizen engagement' },
      { audience: 'PRACTITIONER', title: 'Legal limits of monitoring' },
    ]);
    expect(groups.map((g) => [g.audience, g.curricula.map((c) => c.title)])).toEqual([
      ['ALL', ['Two-way citizen engagement']],
      ['PRACTITIONER', ['Legal limits of monitoring', 'Open-source intelligence basics']],
    ]);
  });

  it('flags a tier outside the audience; a course for everyone fits anyone, a tiered one never fits a member without a tier', () => {
    expect(tierMismatch('MANAGER', 'PRACTITIONER')).toBe(true);
    expect(tierMismatch('PRACTITIONER', 'PRACTITIONER')).toBe(false);
    expect(tierMismatch('ALL', null)).toBe(false);
    expect(tierMismatch('PRACTITIONER', null)).toBe(true);
  });

  it('previews a unit-wide assignment: who gets it, who holds it already, who is outside the audience; inactive members not at all', () => {
    const members = [
      { id: 'm-es-ct-2', displayName: 'Pau Vidal', tier: 'PRACTITIONER', active: true },
      { id: 'demo-manager-es', displayName: 'Jordi Ferrer', tier: 'MANAGER', active: true },
      { id: 'm-es-ct-1', displayName: 'Marta Soler', tier: 'PRACTITIONER', active: true },
      { id: 'gone', displayName: 'Ana Gone', tier: 'PRACTITIONER', active: false },
    ];
    const preview = unitPreview(members, 'PRACTITIONER', new Set(['m-es-ct-1']));
    expect(preview.toAssign.map((m) => m.id)).toEqual(['m-es-ct-2']);
    expect(preview.alreadyAssigned.map((m) => m.id)).toEqual(['m-es-ct-1']);
    expect(preview.outsideAudience.map((m) => m.id)).toEqual(['demo-manager-es']);
  });

  it('says what an assignment asks for now: a refresher over completed, overdue over its status', () => {
    expect(assignmentState({ status: 'COMPLETED', overdue: false, needsRefresh: true })).toBe('REFRESH');
    expect(assignmentState({ status: 'COMPLETED', overdue: false, needsRefresh: false })).toBe('COMPLETED');
    expect(assignmentState({ status: 'IN_PROGRESS', overdue: true, needsRefresh: false })).toBe('OVERDUE');
    expect(assignmentState({ status: 'ASSIGNED', overdue: false, needsRefresh: false })).toBe('ASSIGNED');
  });

  it('names the procedures that changed after completion: marked for review, or a version published later', () => {
    const procedure = (id: string, title: string, reviewStatus: string, published: string[]) => ({
      id, title, reviewStatus, jurisdiction: { code: 'ES', name: 'Spain' },
      history: published.map((publishedAt, i) => ({ version: i + 1, status: 'SUPERSEDED', publishedAt })),
    });
    const reasons = refreshReasons('2026-03-10', [
      procedure('a', 'Unchanged', 'CURRENT', ['2025-09-01T09:00:00.000Z']),
      procedure('b', 'Republished', 'CURRENT', ['2025-09-01T09:00:00.000Z', '2026-05-02T09:00:00.000Z']),
      procedure('c', 'Amended basis', 'NEEDS_REVIEW', ['2021-02-01T09:00:00.000Z']),
      procedure('d', 'Same day', 'CURRENT', ['2026-03-10T18:00:00.000Z']),
    ]);
    expect(reasons.map((r) => [r.procedure.id, r.kind, r.version, r.on])).toEqual([
      ['c', 'NEEDS_REVIEW', null, null],
      ['b', 'PUBLISHED', 2, '2026-05-02'],
    ]);
  });

  it('reads a module result and a typed score', () => {
    const progress = [{ module: { id: 'm1' }, completed: true, score: 82, passed: true }, { module: { id: 'm2' }, completed: true, score: 40, passed: false }];
    expect([moduleState('m1', progress), moduleState('m2', progress), moduleState('m3', progress)]).toEqual(['PASSED', 'FAILED', 'TODO']);
    expect(parseScore('', true)).toEqual({ score: null, error: 'required' });
    expect(parseScore('', false)).toEqual({ score: null, error: null });
    expect(parseScore(' 82 ', true)).toEqual({ score: 82, error: null });
    expect(parseScore('100', true)).toEqual({ score: 100, error: null });
    for (const bad of ['101', '-1', '7.5', 'abc']) expect(parseScore(bad, true).error).toBe('range');
  });
});

describe('the report chart and CSV', () => {
  it('puts round ticks up to at least the largest bar', () => {
    expect(ticksFor(0)).toEqual([0]);
    expect(ticksFor(6)).toEqual([0, 2, 4, 6]);
    expect(ticksFor(5)).toEqual([0, 2, 4, 6]);
    expect(ticksFor(37)).toEqual([0, 10, 20, 30, 40]);
  });

  it('stacks each tier on one scale; a withheld tier gets no bar and no zero', () => {
    const chart = chartGeometry([
      { tier: 'PRACTITIONER', counts: counts(6, 3, 1, 1, 1, 0.1667), withheld: null },
      { tier: 'MANAGER', counts: null, withheld: 'Counts fewer than 5 people you may not follow.' },
    ], 640);
    expect(chart.plotX).toBe(130);
    expect(chart.plotWidth).toBe(462);
    const [practitioners, managers] = chart.bars;
    // Scale 0..6 over 462 px: 77 px a person; completed, in progress, not started, overdue from left to right.
    expect(practitioners!.segments.map((s) => [s.key, s.value, s.x, s.width])).toEqual([
      ['completed', 1, 130, 77], ['inProgress', 1, 207, 77], ['notStarted', 3, 284, 231], ['overdue', 1, 515, 77],
    ]);
    expect(practitioners!.assigned).toBe(6);
    expect(managers).toEqual({ tier: 'MANAGER', y: 58, withheld: 'Counts fewer than 5 people you may not follow.', assigned: null, segments: [] });
    expect(chart.ticks).toEqual([{ value: 0, x: 130 }, { value: 2, x: 284 }, { value: 4, x: 438 }, { value: 6, x: 592 }]);
  });

  const labels = {
    header: ['Tier', 'Assigned', 'Not started', 'In progress', 'Completed', 'Overdue', 'Completion', 'Withheld because'],
    tier: (t: string | null | undefined) => (t === 'MANAGER' ? 'Manager' : t === 'PRACTITIONER' ? 'Practitioner' : 'No tier'),
    total: 'All tiers',
    withheld: (reason: string) => reason,
    rate: (rate: number) => String(rate),
  };

  it('writes the figures as CSV, a withheld cell as withheld with its reason and never as 0', () => {
    const csv = reportCsv({
      byTier: [
        { tier: 'PRACTITIONER', counts: counts(6, 3, 1, 1, 1, 0.1667), withheld: null },
        { tier: 'MANAGER', counts: null, withheld: 'Withheld with smaller cells: together they count 5 or more people.' },
      ],
      totals: counts(9, 4, 1, 2, 2, 0.2222),
      totalsWithheld: null,
    }, labels);
    expect(csv).toBe('Tier,Assigned,Not started,In progress,Completed,Overdue,Completion,Withheld because\r\n'
      + 'Practitioner,6,3,1,1,1,0.1667,\r\n'
      + 'Manager,,,,,,,Withheld with smaller cells: together they count 5 or more people.\r\n'
      + 'All tiers,9,4,1,2,2,0.2222,\r\n');
  });

  it('keeps a reason or label that would start a spreadsheet formula inert', () => {
    const csv = reportCsv({ byTier: [], totals: null, totalsWithheld: '=HYPERLINK("x")' }, labels);
    expect(csv.split('\r\n')[1]).toBe('All tiers,,,,,,,"\'=HYPERLINK(""x"")"');
  });

  it('names the file after the scope and the date', () => {
    expect(reportFileName('es-ct-mossos', '2026-11-30')).toBe('eunomia-training-es-ct-mossos-2026-11-30.csv');
    expect(reportFileName('ES-CT', '2026-11-30')).toBe('eunomia-training-es-ct-2026-11-30.csv');
  });
});
