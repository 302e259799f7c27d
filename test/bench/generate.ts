import type { Visibility } from '../../lib/access.ts';
import type { SearchDocument } from '../../subgraphs/search/engine.ts';

/** A small deterministic PRNG (mulberry32): the same seed gives the same dataset on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const COMMON = ['social', 'media', 'police', 'monitoring', 'officers', 'online', 'public', 'account', 'citizens', 'procedure',
  'investigation', 'evidence', 'communication', 'safety', 'platform', 'message', 'report', 'event', 'threat', 'unit'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vol', 'pri', 'den', 'sul', 'mar', 'tek', 'bo', 'ni', 'gra', 'fel', 'ost'];
export const JURISDICTIONS = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT',
  'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'ES-CT', 'DE-BY'];
const TYPES = ['Procedure', 'LegalFramework', 'LegalProvision', 'Curriculum', 'Workshop', 'SwotItem', 'Recommendation'];
export const TOPICS = ['COMMUNICATION', 'MONITORING', 'INVESTIGATION'];
export const LANGUAGES = ['en', 'en', 'en', 'es', 'de', 'fr', 'nl', 'it'];
export const VISIBILITY: Visibility[] = ['PUBLIC', 'PUBLIC', 'MEMBERS', 'LEA', 'LEA', 'MANAGEMENT'];

/** A rare word: made of syllables, so each appears in only a handful of documents. */
export function rareWord(rand: () => number): string {
  return Array.from({ length: 3 + Math.floor(rand() * 2) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
}

export const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** `n` words, 70% common ones and 30% rare ones, as the searchable texts are made of. */
export function words(rand: () => number, n: number): string {
  return Array.from({ length: n }, () => (rand() < 0.7 ? pick(rand, COMMON) : rareWord(rand))).join(' ');
}

/** A sentence of `n` words: capitalised, with a full stop. */
export function sentence(rand: () => number, n: number): string {
  const w = words(rand, n);
  return `${w.charAt(0).toUpperCase()}${w.slice(1)}.`;
}

/** `count` searchable documents with a realistic mix of types, languages, visibilities and restrictions. */
export function* searchDocuments(count: number, seed = 7, batch = 1000): Generator<SearchDocument[]> {
  const rand = random(seed);
  for (let start = 0; start < count; start += batch) {
    const docs: SearchDocument[] = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const words = (n: number) => Array.from({ length: n }, () => (rand() < 0.7 ? pick(rand, COMMON) : rareWord(rand))).join(' ');
      const jurisdiction = pick(rand, JURISDICTIONS);
      docs.push({
        type: pick(rand, TYPES),
        id: `bench-${i}`,
        title: words(6),
        body: `${words(40)}. ${words(30)}.`,
        language: pick(rand, LANGUAGES),
        visibility: pick(rand, VISIBILITY),
        restrictedTo: rand() < 0.05 ? [jurisdiction] : [],
        jurisdiction,
        topics: [pick(rand, TOPICS)],
        updatedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 700 * 86_400_000)).toISOString(),
      });
    }
    yield docs;
  }
}
