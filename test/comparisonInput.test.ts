import { describe, expect, it } from 'vitest';
import { comparisonInput } from '../lib/inputSchemas.ts';

const messages = (input: unknown) => {
  const parsed = comparisonInput.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the comparison input both comparisons take', () => {
  it('takes distinct jurisdictions, with or without dimensions', () => {
    expect(comparisonInput.parse({ jurisdictions: ['ES-CT', 'DE'] })).toEqual({ jurisdictions: ['ES-CT', 'DE'] });
    expect(comparisonInput.parse({ jurisdictions: ['EU'], dimensions: ['retention_days'] }).dimensions).toEqual(['retention_days']);
  });

  it('refuses no jurisdiction, a repeated one, a bad code and more than 60', () => {
    expect(messages({ jurisdictions: [] })).toEqual(['jurisdictions: name at least one jurisdiction']);
    expect(messages({ jurisdictions: ['ES', 'ES'] })).toEqual(['jurisdictions: must not repeat a jurisdiction']);
    expect(messages({ jurisdictions: ['Spain'] })).toEqual(['jurisdictions.0: must be a jurisdiction code such as ES, ES-CT or EU']);
    const many = Array.from({ length: 61 }, (_, i) => `ES-${String(i).padStart(2, '0')}`);
    expect(messages({ jurisdictions: many })).toHaveLength(1);
  });

  it('refuses more than 100 dimensions or a key longer than 80 characters', () => {
    expect(messages({ jurisdictions: ['ES'], dimensions: Array.from({ length: 101 }, (_, i) => `d${i}`) })).toHaveLength(1);
    expect(messages({ jurisdictions: ['ES'], dimensions: ['x'.repeat(81)] })).toHaveLength(1);
  });
});
