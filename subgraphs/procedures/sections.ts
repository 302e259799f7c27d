/** A Markdown document cut at its `## ` headings. */
export interface Section {
  heading: string;
  text: string;
}

export type SectionChange = 'ADDED' | 'REMOVED' | 'CHANGED' | 'UNCHANGED';

export interface SectionDiff {
  heading: string;
  change: SectionChange;
  before: string | null;
  after: string | null;
}

const normalise = (heading: string) => heading.trim().toLowerCase().replace(/\s+/g, ' ');

/** Splits Markdown at level-2 headings; text before the first heading is the section "(preamble)". */
export function splitSections(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { heading: '(preamble)', text: '' };
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) {
      if (current.text.trim() || current.heading !== '(preamble)') sections.push({ ...current, text: current.text.trim() });
      current = { heading: m[1]!, text: '' };
    } else {
      current.text += `${line}\n`;
    }
  }
  if (current.text.trim() || current.heading !== '(preamble)') sections.push({ ...current, text: current.text.trim() });
  return sections;
}

/** Aligns two documents by section heading: left order first, then sections only the right has. */
export function diffSections(left: string, right: string): SectionDiff[] {
  const a = splitSections(left);
  const b = splitSections(right);
  const byHeading = new Map(b.map((s) => [normalise(s.heading), s]));
  const seen = new Set<string>();
  const out: SectionDiff[] = [];
  for (const s of a) {
    const key = normalise(s.heading);
    const other = byHeading.get(key);
    if (!other) {
      out.push({ heading: s.heading, change: 'REMOVED', before: s.text, after: null });
      continue;
    }
    seen.add(key);
    out.push({ heading: s.heading, change: other.text === s.text ? 'UNCHANGED' : 'CHANGED', before: s.text, after: other.text });
  }
  for (const s of b) {
    if (!seen.has(normalise(s.heading))) out.push({ heading: s.heading, change: 'ADDED', before: null, after: s.text });
  }
  return out;
}
