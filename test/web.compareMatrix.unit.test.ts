import { describe, expect, it } from 'vitest';
import { csvFileName, shapeMatrix } from '../web/src/components/compare/compareMatrix.ts';
import type { ComparisonInput } from '../web/src/components/compare/compareMatrix.ts';
import { DEFAULT_TOPIC, isIsoDate, keepKnown, MAX_JURISDICTIONS, parseCompareUrl, writeCompareUrl } from '../web/src/components/compare/compareUrl.ts';

// The comparison page's pure logic: its shareable URL state and the shaping of the API's matrix.

describe('compare URL state', () => {
  it('reads topic, jurisdictions in their order, date and dimensions', () => {
    expect(parseCompareUrl('?topic=MONITORING&j=ES-CT,DE,NL&at=2024-01-01&d=retention_limit_days,monitoring_scope')).toEqual({
      topic: 'MONITORING', jurisdictions: ['ES-CT', 'DE', 'NL'], at: '2024-01-01', dimensions: ['retention_limit_days', 'monitoring_scope'],
    });
  });

  it('round-trips: what it writes reads back the same, and the written form is the readable one', () => {
    const state = { topic: 'INVESTIGATION' as const, jurisdictions: ['NL', 'ES-CT', 'DE-BY'], at: '2023-06-30', dimensions: ['covert_online_accounts_permitted'] };
    const written = writeCompareUrl(state);
    expect(written).toBe('?topic=INVESTIGATION&j=NL,ES-CT,DE-BY&at=2023-06-30&d=covert_online_accounts_permitted');
    expect(parseCompareUrl(written)).toEqual(state);
    expect(parseCompareUrl(new URLSearchParams(written))).toEqual(state);
    expect(writeCompareUrl(parseCompareUrl('?topic=COMMUNICATION'))).toBe('?topic=COMMUNICATION');
  });

  it('ignores invalid values and falls back to defaults', () => {
    expect(parseCompareUrl('')).toEqual({ topic: DEFAULT_TOPIC, jurisdictions: [], at: null, dimensions: [] });
    const parsed = parseCompareUrl('?topic=GOSSIP&j=DE,,x,123,ES-CT,<script>,FRANCE&at=2024-02-30&d=Bad-Key,ok_key,;drop');
    expect(parsed).toEqual({ topic: DEFAULT_TOPIC, jurisdictions: ['DE', 'ES-CT'], at: null, dimensions: ['ok_key'] });
    expect(parseCompareUrl('?at=yesterday').at).toBeNull();
    expect(parseCompareUrl('?at=2024-1-1').at).toBeNull();
    expect(parseCompareUrl('?topic=monitoring').topic).toBe('MONITORING');
  });

  it('keeps the first of duplicates, in order, and normalises case', () => {
    expect(parseCompareUrl('?j=de,NL,DE,es-ct,NL').jurisdictions).toEqual(['DE', 'NL', 'ES-CT']);
    expect(writeCompareUrl({ topic: 'MONITORING', jurisdictions: ['DE', 'NL', 'DE'], at: null, dimensions: ['a', 'a'] })).toBe('?topic=MONITORING&j=DE,NL&d=a');
  });

  it('caps the jurisdictions at what the API compares at once', () => {
    const many = Array.from({ length: 80 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}-${i}`).join(',');
    expect(parseCompareUrl(`?j=${many}`).jurisdictions).toHaveLength(MAX_JURISDICTIONS);
  });

  it('checks real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
  });

  it('drops codes the API does not know, keeping the order of the rest', () => {
    const state = parseCompareUrl('?j=XX,DE,ES-CT,ZZ');
    expect(keepKnown(state, new Set(['ES-CT', 'DE', 'NL'])).jurisdictions).toEqual(['DE', 'ES-CT']);
  });
});

const comparison: ComparisonInput = {
  topic: 'MONITORING',
  at: '2024-01-01',
  divergentCount: 1,
  csv: 'dimension,ES-CT,DE,IT,divergent\r\n',
  jurisdictions: [{ code: 'ES-CT', name: 'Catalonia' }, { code: 'DE', name: 'Germany' }, { code: 'IT', name: 'Italy' }],
  missing: [{ code: 'IT', name: 'Italy' }],
  rows: [
    {
      divergent: true,
      dimension: { key: 'retention_limit_days', label: 'Retention limit', unit: 'days' },
      // Cells deliberately out of column order: the matrix follows the jurisdictions' order.
      cells: [
        { jurisdiction: { code: 'DE' }, value: { display: '90 days' }, procedure: { id: 'proc-de-monitoring' } },
        { jurisdiction: { code: 'IT' }, value: null, procedure: null },
        { jurisdiction: { code: 'ES-CT' }, value: { display: '60 days' }, procedure: { id: 'proc-es-ct-monitoring' } },
      ],
    },
    {
      divergent: false,
      dimension: { key: 'automated_monitoring_tools_used', label: 'Automated tools', unit: null },
      cells: [
        { jurisdiction: { code: 'ES-CT' }, value: null, procedure: { id: 'proc-es-ct-monitoring' } },
        { jurisdiction: { code: 'DE' }, value: { display: 'Yes' }, procedure: { id: 'proc-de-monitoring' } },
      ],
    },
  ],
};

describe('compare matrix shaping', () => {
  it('makes one column per jurisdiction in the order asked, marking those with no procedure', () => {
    const matrix = shapeMatrix(comparison);
    expect(matrix.columns).toEqual([
      { code: 'ES-CT', name: 'Catalonia', missing: false, procedureId: 'proc-es-ct-monitoring' },
      { code: 'DE', name: 'Germany', missing: false, procedureId: 'proc-de-monitoring' },
      { code: 'IT', name: 'Italy', missing: true, procedureId: null },
    ]);
    expect(matrix.presentCount).toBe(2);
    expect(matrix.missing).toEqual([{ code: 'IT', name: 'Italy' }]);
    expect(matrix.divergentCount).toBe(1);
  });

  it('makes one row per dimension whose cells follow the columns, with the display and the procedure to link to', () => {
    const [first, second] = shapeMatrix(comparison).rows;
    expect(first).toEqual({
      key: 'retention_limit_days', label: 'Retention limit', unit: 'days', divergent: true,
      cells: [
        { code: 'ES-CT', display: '60 days', procedureId: 'proc-es-ct-monitoring' },
        { code: 'DE', display: '90 days', procedureId: 'proc-de-monitoring' },
        { code: 'IT', display: null, procedureId: null },
      ],
    });
    // A procedure without a value on the dimension, and a cell the API left out, are both empty cells.
    expect(second!.cells).toEqual([
      { code: 'ES-CT', display: null, procedureId: 'proc-es-ct-monitoring' },
      { code: 'DE', display: 'Yes', procedureId: 'proc-de-monitoring' },
      { code: 'IT', display: null, procedureId: null },
    ]);
    expect(second!.unit).toBeNull();
  });

  it('names the CSV after the topic, the jurisdictions and the date', () => {
    expect(csvFileName('MONITORING', ['ES-CT', 'DE', 'NL'], '2024-01-01')).toBe('eunomia-monitoring-ES-CT_DE_NL-2024-01-01.csv');
    expect(csvFileName('COMMUNICATION', Array.from({ length: 27 }, (_, i) => `C${i}`), '2024-01-01')).toBe('eunomia-communication-27-jurisdictions-2024-01-01.csv');
  });
});
