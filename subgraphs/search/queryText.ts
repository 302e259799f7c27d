import { badInput } from '../../lib/errors.ts';

export const MAX_QUERY_LENGTH = 200;

/** A search box query: words (all required), "quoted phrases", -exclusions; the last word may be a prefix. */
export interface ParsedQuery {
  /** As typed, trimmed (engines with their own query language take this). */
  text: string;
  words: string[];
  phrases: string[][];
  excluded: string[][];
  /** Whether the last word may be the beginning of a longer word (the query does not end with a space or quote). */
  lastIsPrefix: boolean;
}

/** Lower case, accents removed: how words are compared everywhere in search. */
export function foldWord(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const wordsOf = (s: string) => foldWord(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Parses the way people type in search boxes; refuses what cannot be searched with BAD_USER_INPUT. */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  if (text.length === 0) throw badInput('Type at least one word to search for.');
  if (text.length > MAX_QUERY_LENGTH) throw badInput(`The search text must be at most ${MAX_QUERY_LENGTH} characters.`);
  const words: string[] = [];
  const phrases: string[][] = [];
  const excluded: string[][] = [];
  const token = /(-?)"([^"]*)"?|(-?)([^\s"]+)/gu;
  let lastWasBare = false;
  for (const m of text.matchAll(token)) {
    const negated = (m[1] ?? m[3]) === '-';
    const quoted = m[2] !== undefined;
    const parts = wordsOf(quoted ? m[2]! : m[4]!);
    lastWasBare = false;
    if (parts.length === 0) continue;
    if (negated) excluded.push(parts);
    else if (quoted || parts.length > 1) {
      if (parts.length === 1) words.push(parts[0]!);
      else phrases.push(parts);
    } else {
      words.push(parts[0]!);
      lastWasBare = true;
    }
  }
  if (words.length === 0 && phrases.length === 0) throw badInput('Type at least one word to search for (not only exclusions).');
  const lastIsPrefix = lastWasBare && !/\s$/.test(raw);
  return { text, words, phrases, excluded, lastIsPrefix };
}
