import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from '../lib/csv.ts';

describe('CSV fields', () => {
  it('makes every text a spreadsheet would read as a formula inert', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+31 20 000')).toBe("'+31 20 000");
    expect(csvField('-5 days')).toBe("'-5 days");
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvField('\t=1+1')).toBe("'\t=1+1");
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
  });

  it('quotes what needs quoting, after neutralising', () => {
    expect(csvField('=HYPERLINK("http://x.example","Open")')).toBe(`"'=HYPERLINK(""http://x.example"",""Open"")"`);
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('leaves ordinary text as written', () => {
    expect(csvField('Judicial authorisation required')).toBe('Judicial authorisation required');
    expect(csvField('90 days')).toBe('90 days');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('')).toBe('');
  });

  it('writes lines ended by CRLF', () => {
    expect(csvDocument([['dimension', 'ES'], ['=cmd', 'Yes']])).toBe("dimension,ES\r\n'=cmd,Yes\r\n");
  });
});
