import { reaches } from '../../lib/access.ts';
import type { Viewer } from '../../lib/access.ts';
import { diffSections } from './sections.ts';
import type { ProcedureView } from './views.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Section-aligned and field-level differences between two procedure versions the viewer may see. */
export function diffProcedureViews(viewer: Viewer, left: ProcedureView, right: ProcedureView) {
  const sections = diffSections(left.body, right.body);
  const fields: { field: string; before: unknown; after: unknown }[] = [];
  const compare = (field: string, before: unknown, after: unknown) => {
    if (!same(before ?? null, after ?? null)) fields.push({ field, before: before ?? null, after: after ?? null });
  };
  compare('title', left.title, right.title);
  compare('summary', left.summary, right.summary);
  compare('tags', left.tags, right.tags);
  compare('language', left.language, right.language);
  compare('visibility', left.visibility, right.visibility);
  compare('restrictedTo', left.restrictedTo, right.restrictedTo);
  compare('steps', left.steps, right.steps);
  // The legal basis is not compared here: its ids may name provisions the viewer may not see. `left { legalBasis }` and
  // `right { legalBasis }` give each side as the legal subgraph shows it to the viewer.
  const keys = [...new Set([...Object.keys(left.dimensionValues), ...Object.keys(right.dimensionValues)])].sort();
  for (const key of keys) compare(`dimension:${key}`, left.dimensionValues[key], right.dimensionValues[key]);
  // Stricter fields are compared only for those who may read them.
  if (reaches(viewer, 'LEA')) compare('operationalNotes', left.operationalNotes, right.operationalNotes);
  if (reaches(viewer, 'MANAGEMENT')) compare('resourcing', left.resourcing, right.resourcing);
  const changedCount = sections.filter((s) => s.change !== 'UNCHANGED').length + fields.length;
  return { left, right, sections, fields, changedCount };
}
