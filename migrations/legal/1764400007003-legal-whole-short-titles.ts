import type { MigrationInterface, QueryRunner } from 'typeorm';

// [framework id, short title as first seeded, short title now], frozen with this migration. The first seeds cut long
// native titles at 120 characters, mid-word; the Danish act's title was long but whole and now has its customary name.
const SHORT_TITLES: [string, string, string][] = [
  ['be-led-transposition',
    "Loi du 30 juillet 2018 relative à la protection des personnes physiques à l'égard des traitements de données à caractère",
    'Loi du 30 juillet 2018 (protection des données à caractère personnel)'],
  ['cy-led-transposition',
    'Ο περί της Προστασίας των Φυσικών Προσώπων Έναντι της Επεξεργασίας Δεδομένων Προσωπικού Χαρακτήρα από Αρμόδιες Αρχές για',
    'Νόμος 44(Ι)/2019'],
  ['de-bdsg-2017',
    'Bundesdatenschutzgesetz (BDSG), Teil 3, als Art. 1 des Datenschutz-Anpassungs- und -Umsetzungsgesetzes EU (DSAnpUG-EU) v',
    'Bundesdatenschutzgesetz (BDSG), Teil 3'],
  ['dk-led-transposition',
    'Lov nr. 410 af 27. april 2017 om retshåndhævende myndigheders behandling af personoplysninger (retshåndhævelsesloven)',
    'Retshåndhævelsesloven'],
  ['es-lo-7-2021',
    'Ley Orgánica 7/2021, de 26 de mayo, de protección de datos personales tratados para fines de prevención, detección, inve',
    'Ley Orgánica 7/2021, de 26 de mayo'],
  ['fi-led-transposition',
    'Laki henkilötietojen käsittelystä rikosasioissa ja kansallisen turvallisuuden ylläpitämisen yhteydessä / Lag om behandli',
    'Laki henkilötietojen käsittelystä rikosasioissa (1054/2018)'],
  ['fr-loi-2018-493',
    'Loi n° 2018-493 du 20 juin 2018 relative à la protection des données personnelles (modifiant la loi n° 78-17 du 6 janvie',
    'Loi n° 2018-493 du 20 juin 2018 relative à la protection des données personnelles'],
  ['gr-led-transposition',
    'Νόμος 4624/2019 «Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα, μέτρα εφαρμογής του Κανονισμού (ΕΕ) 2016/679 ... και εν',
    'Νόμος 4624/2019'],
  ['hr-led-transposition',
    'Zakon o zaštiti fizičkih osoba u vezi s obradom i razmjenom osobnih podataka u svrhe sprječavanja, istraživanja, otkriva',
    'Zakon o zaštiti fizičkih osoba u vezi s obradom i razmjenom osobnih podataka (NN 68/2018)'],
  ['hu-led-transposition',
    '2011. évi CXII. törvény az információs önrendelkezési jogról és az információszabadságról (Infotv.), a 2018. évi XXXVIII',
    'Infotv. (2011. évi CXII. törvény)'],
  ['lt-led-transposition',
    'Lietuvos Respublikos asmens duomenų, tvarkomų nusikalstamų veikų prevencijos, tyrimo, atskleidimo ar baudžiamojo perseki',
    'Asmens duomenų, tvarkomų nusikalstamų veikų prevencijos … tikslais, teisinės apsaugos įstatymas'],
  ['lu-led-transposition',
    "Loi du 1er août 2018 relative à la protection des personnes physiques à l'égard du traitement des données à caractère pe",
    'Loi du 1er août 2018 (protection des données en matière pénale et de sécurité nationale)'],
  ['mt-led-transposition',
    'Data Protection (Processing of Personal Data by Competent Authorities for the Purposes of the Prevention, Investigation,',
    'S.L. 586.08 (Processing of Personal Data by Competent Authorities)'],
  ['nl-wpg-2018',
    'Wet van 17 oktober 2018 tot wijziging van de Wet politiegegevens en de Wet justitiële en strafvorderlijke gegevens ter i',
    'Wet van 17 oktober 2018, Stb. 2018, 401 (wijziging Wpg en Wjsg)'],
  ['pl-led-transposition',
    'Ustawa z dnia 14 grudnia 2018 r. o ochronie danych osobowych przetwarzanych w związku z zapobieganiem i zwalczaniem prze',
    'Ustawa o ochronie danych osobowych przetwarzanych w związku z zapobieganiem i zwalczaniem przestępczości'],
  ['pt-led-transposition',
    'Lei n.º 59/2019, de 8 de agosto – aprova as regras relativas ao tratamento de dados pessoais para efeitos de prevenção, ',
    'Lei n.º 59/2019, de 8 de agosto'],
  ['ro-led-transposition',
    'Legea nr. 363/2018 privind protecția persoanelor fizice referitor la prelucrarea datelor cu caracter personal de către a',
    'Legea nr. 363/2018'],
];
// The Maltese act's English title was seeded as a note instead of the title.
const MT_TITLE: [string, string, string] = ['mt-led-transposition', 'Same as native title (English is an official language of Malta)',
  'Data Protection (Processing of Personal Data by Competent Authorities for the Purposes of the Prevention, Investigation, Detection or Prosecution of Criminal Offences or the Execution of Criminal Penalties) Regulations'];

/** Replaces a column's value where it is still the one first seeded, with a framework.updated event per framework changed. */
async function replaceSeeded(q: QueryRunner, column: 'short_title' | 'title', field: string, rows: [string, string, string][]): Promise<void> {
  await q.query(`WITH changed AS (
      UPDATE legal.frameworks f SET ${column} = r.now, updated_at = now()
      FROM jsonb_to_recordset($1::jsonb) AS r(id text, seeded text, now text)
      WHERE f.id = r.id AND f.${column} = r.seeded
      RETURNING f.id)
    INSERT INTO legal.outbox (entity_type, entity_id, event, payload)
    SELECT 'LegalFramework', id, 'framework.updated', jsonb_build_object('fields', jsonb_build_array($2::text)) FROM changed`,
    [JSON.stringify(rows.map(([id, seeded, now]) => ({ id, seeded, now }))), field]);
}

/**
 * Databases seeded before the seeds held real short titles get them here (seeds load once per database). A title is
 * replaced only while it is still the one first seeded, so an editor's change stays; the event lets the search index
 * re-project the framework and its provisions (whose search titles carry the short title).
 */
export class LegalWholeShortTitles1764400007003 implements MigrationInterface {
  name = 'LegalWholeShortTitles1764400007003';

  async up(q: QueryRunner): Promise<void> {
    await replaceSeeded(q, 'short_title', 'shortTitle', SHORT_TITLES);
    await replaceSeeded(q, 'title', 'title', [MT_TITLE]);
  }

  async down(): Promise<void> {
    // Nothing to undo: the titles first seeded were cut mid-word.
  }
}
