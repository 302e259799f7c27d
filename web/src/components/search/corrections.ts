import { foldedWords, markedWords } from './snippet.ts';

// "Did you mean": the API widens a word that no document contains to the closest known word (by trigram
// similarity) but does not say so. The console infers it from what the API highlighted: a typed word that appears
// in no title and no highlight of the page, while a highlighted word that no other typed word explains resembles
// it. Only highlights are candidates (never arbitrary title words), so a stop word or a word matched outside the
// snippet does not produce a made-up correction; when in doubt, nothing is shown.

/** The API corrects only words of at least this length (the search engine's MIN_CORRECTED_LENGTH, subgraphs/search/postgresEngine.ts). */
const MIN_CORRECTED_LENGTH = 4;
/** pg_trgm's default similarity threshold: the API never widens to a word less similar than this. */
const SIMILARITY_THRESHOLD = 0.3;

export interface Correction {
  from: string;
  to: string;
}

/** The bare words of a query as the API corrects them: not quoted, not excluded, folded. */
export function correctableWords(query: string): string[] {
  const words: string[] = [];
  for (const m of query.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/gu)) {
    if (m[2] !== undefined || m[3] === '-') continue;
    const parts = foldedWords(m[4]!);
    if (parts.length === 1 && parts[0]!.length >= MIN_CORRECTED_LENGTH) words.push(parts[0]!);
  }
  return words;
}

const commonPrefix = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** Whether a found word can be the typed one after stemming or prefix matching (same beginning). */
const explains = (typed: string, found: string) => commonPrefix(typed, found) >= Math.min(4, typed.length, found.length);

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const set = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) set.add(padded.slice(i, i + 3));
  return set;
}

/** pg_trgm's similarity: shared trigrams over all distinct trigrams of both words. */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The corrections the API evidently made for this page of hits (empty when none can be told for sure). */
export function inferCorrections(query: string, hits: { title: string; snippet: string }[]): Correction[] {
  if (hits.length === 0) return [];
  const typed = correctableWords(query);
  const titleWords = new Set(hits.flatMap((h) => foldedWords(h.title)));
  const marked = [...new Set(hits.flatMap((h) => markedWords(h.snippet)))];
  const seen = (w: string) => [...titleWords, ...marked].some((f) => explains(w, f));
  const corrections: Correction[] = [];
  for (const word of typed) {
    if (seen(word)) continue;
    const others = typed.filter((w) => w !== word);
    const candidates = marked.filter((m) => !others.some((o) => explains(o, m)));
    const best = candidates
      .map((m) => ({ m, s: similarity(word, m) }))
      .filter((c) => c.s >= SIMILARITY_THRESHOLD)
      .sort((a, b) => b.s - a.s || a.m.localeCompare(b.m))[0];
    if (best) corrections.push({ from: word, to: best.m });
  }
  return corrections;
}

/** The query as the API searched it: each corrected word replaced, the rest as typed. */
export function correctedQuery(query: string, corrections: Correction[]): string {
  let text = query;
  for (const c of corrections) {
    text = text.replace(/[\p{L}\p{N}]+/gu, (w) => (foldedWords(w)[0] === c.from ? c.to : w));
  }
  return text.trim();
}
