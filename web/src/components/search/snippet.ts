// The search API returns snippets as HTML-escaped text with matches between <mark> and </mark>. The console never
// hands that string to the browser's HTML parser: it is split into plain text runs and marked runs, and only the
// entities the API escapes are decoded (as text). Anything else that looks like markup stays visible text.

export interface SnippetPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Decodes exactly the entities the API escapes; any other `&...;` is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** A snippet as runs of text, marked where the search matched; an unclosed <mark> marks up to the end. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (raw: string, marked: boolean) => {
    if (raw === '') return;
    const text = decodeEntities(raw);
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let rest = snippet;
  let marked = false;
  while (rest.length > 0) {
    const tag = marked ? '</mark>' : '<mark>';
    const at = rest.indexOf(tag);
    if (at < 0) {
      push(rest, marked);
      break;
    }
    push(rest.slice(0, at), marked);
    rest = rest.slice(at + tag.length);
    marked = !marked;
  }
  return parts;
}

/** The words the search highlighted, lower case and without accents, in order of first appearance. */
export function markedWords(snippet: string): string[] {
  const words = parseSnippet(snippet).filter((p) => p.marked).flatMap((p) => foldedWords(p.text));
  return [...new Set(words)];
}

/** Lower case, accents removed, letters and digits only: how the search compares words. */
export function foldedWords(text: string): string[] {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
