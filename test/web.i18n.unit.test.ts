import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every catalogue of the console (any namespace present in English, including ones added later) must exist in
// Spanish and German with exactly the same keys and the same {{variables}}, and be translated, not copied.

const I18N = fileURLToPath(new URL('../web/src/i18n/', import.meta.url));
const LANGUAGES = ['es', 'de'] as const;

type Catalogue = { [key: string]: string | Catalogue };

/** Every key of a catalogue as a dotted path, with its text. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** What is wrong with a translation of `english`: keys missing, keys extra, variables not the same, empty texts. */
function catalogueProblems(english: Catalogue, translated: Catalogue): string[] {
  const en = flatten(english);
  const other = flatten(translated);
  const problems: string[] = [];
  for (const key of en.keys()) if (!other.has(key)) problems.push(`missing ${key}`);
  for (const key of other.keys()) if (!en.has(key)) problems.push(`extra ${key}`);
  for (const [key, text] of other) {
    const source = en.get(key);
    if (source === undefined) continue;
    if (!text.trim()) problems.push(`empty ${key}`);
    else if (variables(text).join(',') !== variables(source).join(',')) problems.push(`variables of ${key}: ${variables(text).join(',') || 'none'} instead of ${variables(source).join(',') || 'none'}`);
  }
  return problems;
}

const read = (language: string, file: string) => JSON.parse(readFileSync(`${I18N}${language}/${file}`, 'utf8')) as Catalogue;
const namespaces = (language: string) => readdirSync(`${I18N}${language}`).filter((f) => f.endsWith('.json')).sort();

describe('message catalogues', () => {
  it('finds a missing key, an extra key, a changed variable and an empty text', () => {
    const english = { a: 'One {{n}}', b: { c: 'Two', d: 'Three' } };
    expect(catalogueProblems(english, { a: 'Uno {{n}}', b: { c: 'Dos', d: 'Tres' } })).toEqual([]);
    expect(catalogueProblems(english, { a: 'Uno {{count}}', b: { c: '', e: 'Cinco' } })).toEqual([
      'missing b.d', 'extra b.e', 'variables of a: count instead of n', 'empty b.c',
    ]);
  });

  it('English has the namespaces the console is built with', () => {
    expect(namespaces('en')).toEqual(expect.arrayContaining(['admin.json', 'audit.json', 'common.json', 'compare.json', 'home.json', 'procedure.json', 'search.json', 'signin.json']));
  });

  for (const language of LANGUAGES) {
    it(`${language} has exactly the namespaces of English`, () => {
      expect(namespaces(language)).toEqual(namespaces('en'));
    });

    for (const file of namespaces('en')) {
      it(`${language}/${file} has every key of en/${file}, no other, with the same variables`, () => {
        expect(catalogueProblems(read('en', file), read(language, file))).toEqual([]);
      });

      it(`${language}/${file} is translated, not a copy of English`, () => {
        const en = flatten(read('en', file));
        const other = flatten(read(language, file));
        // Names, codes and formats may stay the same ("Eunomia", "{{label}} ({{unit}})", "Status"); prose may not.
        const copied = [...other].filter(([key, text]) => en.get(key) === text && /[a-z]{3,}.*\s.*[a-z]{3,}/i.test(text.replace(/\{\{[^}]*\}\}/g, '')));
        expect(copied.map(([key]) => key)).toEqual([]);
      });
    }
  }
});
