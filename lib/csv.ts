// Characters that make a spreadsheet read a cell as a formula (or hide where one starts).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a text that would start a formula is prefixed with a
 * single quote, so it is shown as written and never evaluated.
 */
export function csvField(text: string): string {
  const inert = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Lines of fields as one CSV document, each line ended by CRLF. */
export function csvDocument(lines: string[][]): string {
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
