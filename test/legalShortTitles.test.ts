import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/access.ts';
import { LegalWholeShortTitles1764400007003 } from '../migrations/legal/1764400007003-legal-whole-short-titles.ts';
import type { Databases } from '../scripts/platform.ts';
import { legalSeed } from '../seeds/legal.ts';
import { legalSubgraph } from '../subgraphs/legal/index.ts';
import { freshDatabases } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

// A short title is what lists, search hits and transposition tables show. The first seeds cut long native titles at
// 120 characters ("…detección, inve"); these checks catch a title cut anywhere, not only at 120.

const LONGEST = 110;
// Words that cannot end a title in the seeds' languages: a title ending on one was cut after it.
const CONNECTORS = new Set(`a à af an and ar arba az da das de del della der des di die do du e em en és et for för
  från für i in ir ja jas la le les of og om on or o och s sa ter the tot u un und van von w y z za zu και της του των για από σε`.split(/\s+/));
const PAIRS: [string, string][] = [['(', ')'], ['«', '»'], ['“', '”'], ['[', ']']];

/** Why a short title looks cut, or null when it reads as whole. */
function cutReason(shortTitle: string): string | null {
  if (shortTitle.length > LONGEST) return `longer than ${LONGEST} characters`;
  if (shortTitle !== shortTitle.trim()) return 'starts or ends with a space';
  if (/(\.\.\.|…)$/.test(shortTitle)) return 'ends with an ellipsis';
  if (/[,;:/–—\-(«“[]$/.test(shortTitle)) return 'ends with a character that continues it';
  const last = shortTitle.split(/\s+/).at(-1)!.toLowerCase();
  if (CONNECTORS.has(last)) return `ends with "${last}"`;
  for (const [open, close] of PAIRS) {
    if (shortTitle.split(open).length !== shortTitle.split(close).length) return `has unbalanced ${open}${close}`;
  }
  return null;
}

describe('seeded short titles', () => {
  it('are whole: none is long, trails off, ends on a connecting word or leaves a bracket open', () => {
    const cut = legalSeed.frameworks.map((f) => [f.id, f.shortTitle, cutReason(f.shortTitle)]).filter(([, , reason]) => reason);
    expect(cut).toEqual([]);
  });

  it('tells a cut title from a whole one', () => {
    for (const cutTitle of [
      'Ley Orgánica 7/2021, de 26 de mayo, de protección de datos personales tratados para fines de prevención, detección, inve',
      'Loi n° 2018-493 du 20 juin 2018 relative à la protection des données personnelles (modifiant la loi n° 78-17 du 6 janvier',
      'Data Protection (Processing of Personal Data by Competent Authorities for the Purposes of the Prevention, Investigation,',
      'Lei n.º 59/2019, de 8 de agosto – aprova as regras relativas ao tratamento de dados pessoais para efeitos de prevenção, ',
      'Legea nr. 363/2018 privind protecția persoanelor fizice referitor la prelucrarea datelor cu caracter personal de către a',
      'Ο περί της Προστασίας των Φυσικών Προσώπων Έναντι της Επεξεργασίας Δεδομένων Προσωπικού Χαρακτήρα από Αρμόδιες Αρχές για',
      'Loi du 30 juillet 2018 relative à la protection des personnes physiques à l’égard des',
      'Law on the Processing of Personal Data in Criminal Matters and…',
    ]) expect(cutReason(cutTitle), cutTitle).not.toBeNull();
    for (const whole of ['GDPR', 'Ley Orgánica 7/2021, de 26 de mayo', 'Bundesdatenschutzgesetz (BDSG), Teil 3', 'Νόμος 4624/2019', 'Infotv. (2011. évi CXII. törvény)']) {
      expect(cutReason(whole), whole).toBeNull();
    }
  });
});

describe('short titles in a database', () => {
  let dbs: Databases;
  let client: Awaited<ReturnType<typeof subgraphClient>>;
  beforeAll(async () => {
    dbs = await freshDatabases({ seeded: true });
    client = await subgraphClient(legalSubgraph, dbs.bySubgraph.legal!);
  });
  afterAll(async () => {
    await client?.stop();
    await dbs?.close();
  });

  it('are the seeded ones, as the API returns them', async () => {
    const r = await client.run<any>(ANONYMOUS, '{ legalFrameworks(first: 100) { nodes { id shortTitle } } }');
    expect(r.errors).toBeUndefined();
    const expected = new Map(legalSeed.frameworks.map((f) => [f.id, f.shortTitle]));
    expect(r.data.legalFrameworks.nodes.length).toBeGreaterThan(30);
    for (const f of r.data.legalFrameworks.nodes) expect(f.shortTitle, f.id).toBe(expected.get(f.id));
    const es = await client.run<any>(ANONYMOUS, '{ legalFramework(id: "es-lo-7-2021") { shortTitle } }');
    expect(es.data.legalFramework.shortTitle).toBe('Ley Orgánica 7/2021, de 26 de mayo');
  });

  it('are repaired by the migration where a database still holds a cut one, and left alone where an editor changed them', async () => {
    const db = dbs.bySubgraph.legal!;
    await db.query(`UPDATE legal.frameworks SET short_title = 'Ley Orgánica 7/2021, de 26 de mayo, de protección de datos personales tratados para fines de prevención, detección, inve'
      WHERE id = 'es-lo-7-2021'`);
    await db.query(`UPDATE legal.frameworks SET short_title = 'BDSG (as an editor wrote it)' WHERE id = 'de-bdsg-2017'`);
    await db.query(`UPDATE legal.frameworks SET title = 'Same as native title (English is an official language of Malta)' WHERE id = 'mt-led-transposition'`);
    const [{ last }] = await db.query('SELECT coalesce(max(id), 0)::int AS last FROM legal.outbox');
    const runner = db.createQueryRunner();
    try {
      await new LegalWholeShortTitles1764400007003().up(runner);
    } finally {
      await runner.release();
    }
    const rows = await db.query(`SELECT id, short_title AS "shortTitle", title FROM legal.frameworks
      WHERE id IN ('es-lo-7-2021', 'de-bdsg-2017', 'mt-led-transposition') ORDER BY id`);
    expect(rows).toEqual([
      { id: 'de-bdsg-2017', shortTitle: 'BDSG (as an editor wrote it)', title: legalSeed.frameworks.find((f) => f.id === 'de-bdsg-2017')!.title },
      { id: 'es-lo-7-2021', shortTitle: 'Ley Orgánica 7/2021, de 26 de mayo', title: legalSeed.frameworks.find((f) => f.id === 'es-lo-7-2021')!.title },
      { id: 'mt-led-transposition', shortTitle: legalSeed.frameworks.find((f) => f.id === 'mt-led-transposition')!.shortTitle,
        title: legalSeed.frameworks.find((f) => f.id === 'mt-led-transposition')!.title },
    ]);
    expect(rows[2].title).toMatch(/^Data Protection \(Processing of Personal Data by Competent Authorities/);
    const events = await db.query('SELECT entity_type, entity_id, event, payload FROM legal.outbox WHERE id > $1 ORDER BY id', [last]);
    expect(events).toEqual([
      { entity_type: 'LegalFramework', entity_id: 'es-lo-7-2021', event: 'framework.updated', payload: { fields: ['shortTitle'] } },
      { entity_type: 'LegalFramework', entity_id: 'mt-led-transposition', event: 'framework.updated', payload: { fields: ['title'] } },
    ]);
  });
});
