import { describe, expect, it } from 'vitest';
import { canWithdraw, celexUrl, conflictReason, dateLocale, decisionError, draftErrors, eliUrl, partsOfChanges, reviewStep } from '../web/src/components/legal/legalLogic.ts';
import { legalCellHref, legalMatrixInput } from '../web/src/components/legal/legalMatrix.ts';

const reviewer = { id: 'demo-reviewer', roles: ['REVIEWER'], agencyId: 'eu-europol' };
const partnerWork = { status: 'SUBMITTED', authorId: 'demo-partner', authorAgencyId: 'partner-agora' };

describe('legal pages: pure logic', () => {
  it('links official identifiers', () => {
    expect(celexUrl('32016L0680')).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32016L0680');
    expect(eliUrl('http://data.europa.eu/eli/dir/2016/680/oj')).toBe('http://data.europa.eu/eli/dir/2016/680/oj');
    expect(eliUrl('javascript:alert(1)')).toBeNull();
    expect(dateLocale('en')).toBe('en-GB');
    expect(dateLocale('de')).toBe('de');
  });

  it('turns the API\'s runs into diff parts, merging neighbours of one kind', () => {
    expect(partsOfChanges([{ kind: 'UNCHANGED', text: 'a ' }, { kind: 'UNCHANGED', text: 'b' }, { kind: 'REMOVED', text: ' c' }, { kind: 'ADDED', text: ' d' }]))
      .toEqual([{ kind: 'same', text: 'a b' }, { kind: 'removed', text: ' c' }, { kind: 'added', text: ' d' }]);
  });

  it('tells who may withdraw, start and decide, and why a reviewer may not', () => {
    expect(canWithdraw({ id: 'demo-partner', roles: [], agencyId: 'partner-agora' }, partnerWork)).toBe(true);
    expect(canWithdraw({ id: 'demo-partner', roles: [], agencyId: 'partner-agora' }, { ...partnerWork, status: 'ACCEPTED' })).toBe(false);
    expect(canWithdraw(reviewer, partnerWork)).toBe(false);
    expect(reviewStep(reviewer, partnerWork)).toBe('start');
    expect(reviewStep(reviewer, { ...partnerWork, status: 'UNDER_REVIEW' })).toBe('decide');
    expect(reviewStep(reviewer, { ...partnerWork, status: 'REJECTED' })).toBeNull();
    expect(reviewStep({ id: 'demo-partner', roles: [], agencyId: 'partner-agora' }, partnerWork)).toBeNull();
  });

  it('words the API\'s conflict of interest in the reader\'s language, and shows a sentence it does not know as written', () => {
    expect(conflictReason(null)).toBeNull();
    expect(conflictReason(undefined)).toBeNull();
    expect(conflictReason('Nobody reviews their own contribution.')).toEqual({ key: 'own' });
    expect(conflictReason('A contribution is reviewed by someone outside the author\'s organisation.')).toEqual({ key: 'organisation' });
    expect(conflictReason('Reviewers do not review during their leave.')).toEqual({ sentence: 'Reviewers do not review during their leave.' });
  });

  it('checks a draft before it is sent, and a reason to reject', () => {
    expect(draftErrors({ kind: 'AMENDMENT', proposedText: 'Same text. ', rationale: '' }, 'Same text.'))
      .toEqual({ proposedText: 'contribute.errors.unchanged', rationale: 'contribute.errors.rationale' });
    expect(draftErrors({ kind: 'COMMENT', proposedText: ' ', rationale: 'Long enough reason' }, 'x')).toEqual({ proposedText: 'contribute.errors.commentRequired' });
    expect(draftErrors({ kind: 'AMENDMENT', proposedText: 'New text', rationale: 'Long enough reason' }, 'Old text')).toEqual({});
    expect(decisionError('REJECT', '  ')).toBe('review.errors.reasonRequired');
    expect(decisionError('ACCEPT', '')).toBeNull();
  });

  it('links a legal matrix cell to its provision on the framework page', () => {
    const input = legalMatrixInput({
      topic: 'MONITORING', at: '2026-01-01', divergentCount: 0, csv: '', jurisdictions: [{ code: 'ES', name: 'Spain' }], missing: [],
      rows: [{ divergent: false, dimension: { key: 'k', label: 'K' }, cells: [{ jurisdiction: { code: 'ES' }, value: { display: 'Yes' }, provision: { id: 'es-lo-7-2021-led', framework: { id: 'es-lo-7-2021' } } }] }],
    });
    expect(input.rows[0]!.cells[0]!.procedure).toEqual({ id: 'es-lo-7-2021#es-lo-7-2021-led' });
    expect(legalCellHref('es-lo-7-2021#es-lo-7-2021-led')).toBe('/legal/frameworks/es-lo-7-2021#provision-es-lo-7-2021-led');
  });
});
