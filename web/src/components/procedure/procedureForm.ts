// The edit form's content fields and what to send: a new draft carries only the fields the member changed.

export interface ContentForm {
  title: string;
  summary: string;
  body: string;
  language: string;
  visibility: string;
  /** Jurisdiction codes as typed: "ES, es-ct FR". */
  restrictedTo: string;
}

export interface ContentSource {
  title: string;
  summary: string;
  body: string;
  language: string;
  visibility: string;
  restrictedTo: readonly string[];
}

export const emptyContent = (language = 'en'): ContentForm =>
  ({ title: '', summary: '', body: '## Purpose\n\n', language, visibility: 'LEA', restrictedTo: '' });

export const contentOf = (p: ContentSource): ContentForm => ({
  title: p.title, summary: p.summary, body: p.body, language: p.language, visibility: p.visibility, restrictedTo: p.restrictedTo.join(', '),
});

/** Jurisdiction codes from free text: separated by commas or spaces, upper-cased, each once. */
export function parseCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

export type ContentChanges = Partial<Omit<ContentForm, 'restrictedTo'> & { restrictedTo: string[] }>;

/** The fields of an update: those that differ from the version the member opened (text compared as it will be stored). */
export function contentChanges(original: ContentForm, edited: ContentForm): ContentChanges {
  const changes: ContentChanges = {};
  for (const key of ['title', 'summary', 'body', 'language'] as const) {
    if (edited[key].trim() !== original[key].trim()) changes[key] = edited[key].trim();
  }
  if (edited.visibility !== original.visibility) changes.visibility = edited.visibility;
  const before = parseCodes(original.restrictedTo);
  const after = parseCodes(edited.restrictedTo);
  if (before.join(',') !== after.join(',')) changes.restrictedTo = after;
  return changes;
}

/** Field messages of a BAD_USER_INPUT error (`extensions.fields`), keyed by the form field they name. */
export function fieldMessages(fields: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(fields)) return out;
  for (const f of fields as { field?: unknown; message?: unknown }[]) {
    const name = typeof f.field === 'string' ? f.field.split('.')[0]! : '';
    if (name && typeof f.message === 'string' && !out[name]) out[name] = f.message;
  }
  return out;
}
