import { describe, expect, it } from 'vitest';
import { changedValues, draftValue } from '../web/src/components/procedure/dimensionDraft.ts';
import { dimensionChange, formatJson } from '../web/src/components/procedure/diffFields.ts';
import { parseInline, parseMarkdown } from '../web/src/components/procedure/markdown.ts';
import { canCreate, canEdit, canPublish, canWithdraw } from '../web/src/components/procedure/procedureAccess.ts';
import { contentChanges, contentOf, fieldMessages, parseCodes } from '../web/src/components/procedure/procedureForm.ts';
import { parseProcedureUrl, validDate, versionsToCompare, withParams } from '../web/src/components/procedure/procedureUrl.ts';

describe('procedure body markdown', () => {
  it('reads headings, paragraphs and lists as data, leaving HTML as text', () => {
    expect(parseMarkdown('## Purpose\n\nFirst line\ncontinues.\n\n- one\n- **two**\n\n1. a\n2. b\n\n<script>x</script>', 1)).toEqual([
      { kind: 'heading', level: 3, text: 'Purpose' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'First line continues.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'strong', text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>x</script>' }] },
    ]);
  });

  it('reads emphasis inside text', () => {
    expect(parseInline('a *b* and _c_ d')).toEqual([
      { kind: 'text', text: 'a ' }, { kind: 'em', text: 'b' }, { kind: 'text', text: ' and ' }, { kind: 'em', text: 'c' }, { kind: 'text', text: ' d' },
    ]);
  });
});

describe('procedure URL state', () => {
  it('keeps only well-formed values', () => {
    expect(parseProcedureUrl(new URLSearchParams('at=2022-06-01&from=1&to=3&with=proc-de-monitoring')))
      .toEqual({ at: '2022-06-01', from: 1, to: 3, with: 'proc-de-monitoring' });
    expect(parseProcedureUrl(new URLSearchParams('at=2022-02-30&from=0&to=x&with=../etc')))
      .toEqual({ at: null, from: null, to: null, with: null });
    expect(validDate('2024-02-29')).toBe('2024-02-29');
    expect(validDate('2023-02-29')).toBeNull();
  });

  it('compares the versions named, else the newest with the one before', () => {
    expect(versionsToCompare({ from: 1, to: 3 }, [3, 2, 1])).toEqual({ from: 1, to: 3 });
    expect(versionsToCompare({ from: 1, to: 9 }, [3, 2, 1])).toEqual({ from: 2, to: 3 });
    expect(versionsToCompare({ from: null, to: null }, [1])).toBeNull();
  });

  it('writes query strings keeping other keys', () => {
    expect(withParams(new URLSearchParams('at=2022-06-01&from=1'), { from: 2, to: 3, at: null })).toBe('?from=2&to=3');
    expect(withParams(new URLSearchParams(''), { at: null })).toBe('');
  });
});

describe('dimension values in the edit form', () => {
  it('turns control states into stored values', () => {
    expect(draftValue('INTEGER', Number.NaN)).toBeNull();
    expect(draftValue('DECIMAL', 2.5)).toBe(2.5);
    expect(draftValue('BOOLEAN', false)).toBe(false);
    expect(draftValue('LIST', [])).toBeNull();
    expect(draftValue('TEXT', '  x ')).toBe('x');
    expect(draftValue('ENUM', '')).toBeNull();
  });

  it('sends only changed values, in dimension order, with null for cleared ones', () => {
    const original = { a: 1, b: ['X', 'Y'], c: true };
    expect(changedValues(original, { a: 1, b: ['Y', 'X'], c: null, d: 'new' }, ['d', 'c', 'b', 'a'])).toEqual([
      { key: 'd', value: 'new' }, { key: 'c', value: null },
    ]);
  });
});

describe('content changes', () => {
  const opened = contentOf({ title: 'T', summary: 'S', body: 'B', language: 'en', visibility: 'LEA', restrictedTo: ['ES'] });
  it('sends only the fields changed', () => {
    expect(contentChanges(opened, { ...opened, title: ' New ', restrictedTo: 'es, es-ct' })).toEqual({ title: 'New', restrictedTo: ['ES', 'ES-CT'] });
    expect(contentChanges(opened, { ...opened, restrictedTo: 'ES ' })).toEqual({});
  });
  it('parses codes and field messages', () => {
    expect(parseCodes('es, ES-ct;fr  de')).toEqual(['ES', 'ES-CT', 'FR', 'DE']);
    expect(fieldMessages([{ field: 'title', message: 'too short' }, { field: 'steps.0.action', message: 'x' }])).toEqual({ title: 'too short', steps: 'x' });
    expect(fieldMessages(undefined)).toEqual({});
  });
});

describe('diff fields and access', () => {
  it('writes JSON values for reading', () => {
    expect(formatJson(['ES', 'FR'])).toBe('ES, FR');
    expect(formatJson([{ action: 'Open', responsibleRole: 'Head' }])).toBe('1. Open (Head)');
    expect(formatJson({ staff: 5, tooling: [] , budgetEur: null })).toBe('staff: 5');
    expect(dimensionChange('dimension:k', [{ display: '90 days', dimension: { key: 'k', label: 'Retention' } }], []))
      .toEqual({ label: 'Retention', before: '90 days', after: '' });
    expect(dimensionChange('title', [], [])).toBeNull();
  });

  it('offers writes only to members the API would allow', () => {
    const manager = { tier: 'MANAGER', roles: ['EDITOR'], agency: { id: 'a', orgKind: 'LEA' } };
    const practitioner = { tier: 'PRACTITIONER', roles: ['EDITOR'], agency: { id: 'a', orgKind: 'LEA' } };
    const draft = { agencyId: 'a', status: 'DRAFT', hasVersionInForce: true };
    expect(canPublish(manager, draft)).toBe(true);
    expect(canPublish(practitioner, draft)).toBe(false);
    expect(canEdit(practitioner, draft)).toBe(true);
    expect(canEdit(manager, { ...draft, agencyId: 'b' })).toBe(false);
    expect(canWithdraw(manager, { ...draft, hasVersionInForce: false })).toBe(false);
    expect(canCreate(null)).toBe(false);
    expect(canCreate({ ...manager, roles: [] })).toBe(false);
  });
});
