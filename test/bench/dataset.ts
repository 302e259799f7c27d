import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createSearchEngine } from '../../subgraphs/search/engines.ts';
import type { Databases } from '../../scripts/platform.ts';
import { SEARCH_SOURCES } from '../../scripts/services.ts';
import { directorySeed, jurisdictionPaths } from '../../seeds/directory.ts';
import { legalSeed } from '../../seeds/legal.ts';
import { loadSeeds } from '../../seeds/load.ts';
import { proceduresSeed } from '../../seeds/procedures.ts';
import { seedModuleId } from '../../seeds/training.ts';
import { reindexAll } from '../../subgraphs/search/events.ts';
import { LANGUAGES, TOPICS, pick, random, sentence, words } from './generate.ts';
import { progress } from './stats.ts';

// The benchmark dataset: the normal seeds, then generated rows in bulk (one multi-row INSERT ... SELECT FROM
// jsonb_populate_recordset per chunk), deterministic for a given scale and generator version.

/** Bump when the generated rows change, so that a kept database is regenerated. */
export const GENERATOR_VERSION = 1;

export type Scale = 'small' | 'large';

export interface ScaleSpec {
  procedures: number;
  frameworks: number;
  provisionsPerFramework: number;
  curricula: number;
  workshops: number;
  swotItemsPerWorkshop: number;
  recommendationsPerWorkshop: number;
  membersPerBigAgency: number;
  /** Assignments of each generated member of the largest agency (trainingReport reads them). */
  assignmentsPerMemberOfLargest: number;
  assignmentsPerOtherMember: number;
}

/** About 10k and 100k searchable documents (procedures, frameworks, provisions, curricula, workshops, SWOT items, recommendations). */
export const SCALES: Record<Scale, ScaleSpec> = {
  small: {
    procedures: 3000, frameworks: 200, provisionsPerFramework: 12, curricula: 1000, workshops: 300, swotItemsPerWorkshop: 7,
    recommendationsPerWorkshop: 3, membersPerBigAgency: 100, assignmentsPerMemberOfLargest: 6, assignmentsPerOtherMember: 2,
  },
  large: {
    procedures: 30_000, frameworks: 2000, provisionsPerFramework: 12, curricula: 10_000, workshops: 3000, swotItemsPerWorkshop: 7,
    recommendationsPerWorkshop: 3, membersPerBigAgency: 1000, assignmentsPerMemberOfLargest: 6, assignmentsPerOtherMember: 2,
  },
};

/** The agencies that get generated members: the largest national and regional police forces of the seeds. */
export const BIG_AGENCIES = ['es-ct-mossos', 'es-policia-nacional', 'de-bka', 'de-by-polizei', 'fr-police-nationale',
  'it-polizia-di-stato', 'nl-politie', 'ie-garda', 'pl-policja', 'be-federal-police'];
/** Seeded members plus generated ones make it the largest; its manager demo-manager-es is the benchmark's viewer. */
export const LARGEST_AGENCY = 'es-ct-mossos';
export const VIEWER = 'demo-manager-es';

export const MEMBER_STATES = directorySeed.jurisdictions.filter((j) => j.euMember).map((j) => j.code);

const CHUNK = 2000;
const TAGS = ['OSINT', 'HATE_SPEECH', 'ONLINE_HARASSMENT', 'EXTREMIST_PROPAGANDA', 'DARK_WEB', 'CITIZEN_REPORTING', 'CRISIS_COMMUNICATION', 'PUBLIC_ORDER'];
const LEGAL_TOPICS = ['DATA_PROTECTION', 'PRIVACY', 'JURISDICTION', 'CYBERCRIME', 'HATE_SPEECH', 'ELECTRONIC_EVIDENCE', 'PLATFORM_DUTIES',
  'TERRORIST_CONTENT', 'LAW_ENFORCEMENT_COOPERATION'];
const ITEM_VISIBILITY = ['PUBLIC', 'PUBLIC', 'MEMBERS', 'LEA', 'LEA', 'MANAGEMENT'];
const FIRST_NAMES = ['Anna', 'Marc', 'Laura', 'Jordi', 'Eva', 'Pau', 'Clara', 'Lukas', 'Sophie', 'Jan', 'Marta', 'Pierre', 'Giulia', 'Sean', 'Ines', 'Piotr'];
const LAST_NAMES = ['Puig', 'Garcia', 'Müller', 'Schmidt', 'Martin', 'Rossi', 'Jansen', 'Murphy', 'Nowak', 'Peeters', 'Ferrer', 'Dubois', 'Vidal', 'Bauer'];

const day = (d: Date) => d.toISOString().slice(0, 10);
/** A calendar date between two dates (inclusive), as YYYY-MM-DD. */
const dateBetween = (rand: () => number, from: string, to: string) => {
  const a = Date.parse(from);
  const b = Date.parse(to);
  return day(new Date(a + Math.floor(rand() * ((b - a) / 86_400_000 + 1)) * 86_400_000));
};
const addDays = (date: string, n: number) => day(new Date(Date.parse(date) + n * 86_400_000));
const addMonths = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return day(d);
};
/** `n` distinct items of `xs` (all of them when n >= xs.length), in the order of xs. */
const some = <T>(rand: () => number, xs: readonly T[], n: number): T[] => {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, xs.length)) chosen.add(Math.floor(rand() * xs.length));
  return [...chosen].sort((a, b) => a - b).map((i) => xs[i]!);
};
const titleCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type Row = Record<string, unknown>;

/** Inserts rows into a table in one statement; columns not listed keep their defaults. */
async function insertRows(db: { query(sql: string, params?: unknown[]): Promise<unknown> }, table: string, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).join(', ');
  await db.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Generates `total` items in chunks of `perChunk` (one transaction each); `make` returns the rows of each table for
 * items [start, end). Items with many child rows take smaller chunks, so that a statement stays a few megabytes.
 */
async function bulk(db: DataSource, label: string, total: number, make: (start: number, end: number) => [string, Row[]][], perChunk = CHUNK): Promise<void> {
  progress(label, 0, total);
  for (let start = 0; start < total; start += perChunk) {
    const end = Math.min(total, start + perChunk);
    await db.transaction(async (tx) => {
      for (const [table, rows] of make(start, end)) await insertRows(tx, table, rows);
    });
    progress(label, end, total);
  }
}

const agencies = directorySeed.agencies.filter((a) => a.orgKind === 'LEA');
const agenciesIn = new Map<string, string[]>();
for (const a of agencies) agenciesIn.set(a.jurisdiction, [...(agenciesIn.get(a.jurisdiction) ?? []), a.id]);
/** Jurisdictions below the Union that have a police force of their own. */
const PROCEDURE_JURISDICTIONS = [...agenciesIn.keys()].filter((c) => c !== 'EU');
const DIMENSIONS_BY_TOPIC = new Map(TOPICS.map((t) => [t, proceduresSeed.dimensions.filter((d) => d.topic === t)]));

function dimensionValue(rand: () => number, d: { valueType: string; allowedValues: string[] | null }): unknown {
  switch (d.valueType) {
    case 'BOOLEAN': return rand() < 0.5;
    case 'INTEGER': return 1 + Math.floor(rand() * 365);
    case 'DECIMAL': return Math.round(rand() * 1000) / 10;
    case 'ENUM': return pick(rand, d.allowedValues ?? ['A']);
    case 'LIST': return some(rand, d.allowedValues ?? ['A'], 1 + Math.floor(rand() * 3));
    default: return words(rand, 3);
  }
}

const procedureId = (i: number) => `bench-proc-${i}`;
const frameworkId = (i: number) => `bench-lf-${i}`;
const provisionId = (f: number, k: number) => `bench-lf-${f}-p${k}`;
const curriculumId = (i: number) => `bench-cur-${i}`;
const memberId = (agency: string, k: number) => `bench-m-${agency}-${k}`;

interface ProcedureSpec {
  id: string;
  agency: string;
  jurisdiction: string;
  topic: string;
  /** Visibilities the version in force may take. */
  visibilities: readonly string[];
  restricted: boolean;
  effectiveFrom: string;
  /** 'single' | 'superseded' (an older version before the one in force) | 'draft' (a draft after it) */
  history: 'single' | 'superseded' | 'draft';
  allDimensions: boolean;
}

function procedureRows(rand: () => number, spec: ScaleSpec, p: ProcedureSpec): [Row, Row[]] {
  const dims = DIMENSIONS_BY_TOPIC.get(p.topic) ?? [];
  const version = (n: number, status: string, effectiveFrom: string | null, inForceUntil: string | null): Row => {
    const dimensionValues: Record<string, unknown> = {};
    for (const d of dims) if (p.allDimensions || rand() < 0.8) dimensionValues[d.key] = dimensionValue(rand, d);
    return {
      procedure_id: p.id,
      version: n,
      status,
      title: titleCase(words(rand, 6)),
      summary: sentence(rand, 20),
      body: `## Purpose\n\n${sentence(rand, 30)}\n\n## Practice\n\n${sentence(rand, 30)} ${sentence(rand, 12)}`,
      tags: some(rand, TAGS, 1 + Math.floor(rand() * 3)),
      language: pick(rand, LANGUAGES),
      visibility: pick(rand, p.visibilities),
      restricted_to: p.restricted ? [p.jurisdiction] : [],
      effective_from: effectiveFrom,
      in_force_until: inForceUntil,
      published_at: effectiveFrom ? `${effectiveFrom}T09:00:00Z` : null,
      steps: Array.from({ length: 2 + Math.floor(rand() * 3) }, () => ({
        action: sentence(rand, 8), responsibleRole: titleCase(words(rand, 2)), safeguards: [sentence(rand, 6)],
      })),
      legal_basis: Array.from({ length: Math.floor(rand() * 4) }, () =>
        provisionId(Math.floor(rand() * spec.frameworks), 1 + Math.floor(rand() * spec.provisionsPerFramework))),
      dimension_values: dimensionValues,
      operational_notes: sentence(rand, 15),
      resourcing: { staff: 1 + Math.floor(rand() * 40), budgetEur: 1000 * Math.floor(rand() * 500), tooling: [] },
      change_note: n > 1 ? sentence(rand, 6) : null,
      created_by: null,
    };
  };
  let versions: Row[];
  if (p.history === 'superseded') {
    const earlier = dateBetween(rand, '2016-01-01', addDays(p.effectiveFrom, -30));
    versions = [version(1, 'SUPERSEDED', earlier, p.effectiveFrom), version(2, 'IN_FORCE', p.effectiveFrom, null)];
  } else if (p.history === 'draft') {
    versions = [version(1, 'IN_FORCE', p.effectiveFrom, null), version(2, 'DRAFT', null, null)];
  } else {
    versions = [version(1, 'IN_FORCE', p.effectiveFrom, null)];
  }
  const head = {
    id: p.id,
    agency_id: p.agency,
    jurisdiction_code: p.jurisdiction,
    topic: p.topic,
    latest_version: versions.length,
    published_version: p.history === 'superseded' ? 2 : 1,
    review_status: rand() < 0.05 ? 'NEEDS_REVIEW' : 'CURRENT',
    last_verified_at: rand() < 0.7 ? dateBetween(rand, '2025-01-01', '2026-06-30') : null,
  };
  return [head, versions];
}

/** One procedure in force per topic for every member state the seeds leave without one, so 27-state comparisons are full. */
function comparisonProcedures(): ProcedureSpec[] {
  const rand = random(101);
  const inForce = new Set(proceduresSeed.procedures
    .filter((p) => p.versions.some((v) => v.status === 'IN_FORCE'))
    .map((p) => `${p.jurisdiction}/${p.topic}`));
  const specs: ProcedureSpec[] = [];
  for (const code of MEMBER_STATES) {
    const national = directorySeed.agencies.find((a) => a.jurisdiction === code && a.kind === 'NATIONAL_POLICE')
      ?? directorySeed.agencies.find((a) => a.jurisdiction === code && a.orgKind === 'LEA');
    if (!national) throw new Error(`The seeds have no police force in ${code}`);
    for (const topic of TOPICS) {
      if (inForce.has(`${code}/${topic}`)) continue;
      specs.push({
        id: `bench-cmp-${code.toLowerCase()}-${topic.toLowerCase()}`, agency: national.id, jurisdiction: code, topic,
        visibilities: ['PUBLIC', 'MEMBERS', 'LEA', 'MANAGEMENT'], restricted: false,
        effectiveFrom: dateBetween(rand, '2025-01-01', '2026-06-30'), history: 'single', allDimensions: true,
      });
    }
  }
  return specs;
}

async function generateProcedures(db: DataSource, spec: ScaleSpec): Promise<void> {
  const comparison = comparisonProcedures();
  const rand = random(11);
  // The comparison's procedures come on top of the scale's count, whose ids (bench-proc-0 ...) others refer to.
  const total = comparison.length + spec.procedures;
  await bulk(db, 'procedures', total, (start, end) => {
    const heads: Row[] = [];
    const versions: Row[] = [];
    for (let i = start; i < end; i++) {
      let p: ProcedureSpec;
      if (i < comparison.length) p = comparison[i]!;
      else {
        const jurisdiction = pick(rand, PROCEDURE_JURISDICTIONS);
        const r = rand();
        p = {
          id: procedureId(i - comparison.length), agency: pick(rand, agenciesIn.get(jurisdiction)!), jurisdiction, topic: pick(rand, TOPICS),
          visibilities: ITEM_VISIBILITY, restricted: rand() < 0.05, effectiveFrom: dateBetween(rand, '2018-01-01', '2026-06-30'),
          history: r < 0.8 ? 'single' : r < 0.95 ? 'superseded' : 'draft', allDimensions: false,
        };
      }
      const [head, vs] = procedureRows(rand, spec, p);
      heads.push(head);
      versions.push(...vs);
    }
    return [['procedures.procedures', heads], ['procedures.procedure_versions', versions]];
  }, CHUNK / 2);
}

async function generateLegal(db: DataSource, spec: ScaleSpec): Promise<void> {
  const rand = random(12);
  const jurisdictions = ['EU', ...MEMBER_STATES];
  const positionKeys = legalSeed.dimensions;
  await bulk(db, 'legal frameworks', spec.frameworks, (start, end) => {
    const frameworks: Row[] = [];
    const provisions: Row[] = [];
    const versions: Row[] = [];
    for (let i = start; i < end; i++) {
      const jurisdiction = pick(rand, jurisdictions);
      const adopted = dateBetween(rand, '2010-01-01', '2025-12-31');
      const inForce = addDays(adopted, 20 + Math.floor(rand() * 200));
      const topics = some(rand, LEGAL_TOPICS, 1 + Math.floor(rand() * 2));
      const visibility = rand() < 0.6 ? 'PUBLIC' : pick(rand, ['MEMBERS', 'LEA', 'MANAGEMENT']);
      frameworks.push({
        id: frameworkId(i), jurisdiction_code: jurisdiction, title: titleCase(words(rand, 14)), short_title: titleCase(words(rand, 3)),
        kind: jurisdiction === 'EU' ? pick(rand, ['REGULATION', 'GUIDELINE']) : pick(rand, ['STATUTE', 'DECREE', 'GUIDELINE', 'CASE_LAW']),
        celex: null, eli: null, identifier: `Bench gazette ${i}/${adopted.slice(0, 4)}`, adopted_on: adopted, in_force_from: inForce,
        repealed_on: null, languages: ['en'], summary: sentence(rand, 30), topics, transposes: null, visibility,
        restricted_to: jurisdiction !== 'EU' && rand() < 0.05 ? [jurisdiction] : [], illustrative: true,
      });
      for (let k = 1; k <= spec.provisionsPerFramework; k++) {
        provisions.push({
          id: provisionId(i, k), framework_id: frameworkId(i), reference: `Art. ${k}`, position: k, latest_version: 1,
          visibility: rand() < 0.85 ? 'PUBLIC' : pick(rand, ['MEMBERS', 'LEA']), restricted_to: [], illustrative: true,
        });
        const positions: Record<string, unknown> = {};
        if (rand() < 0.3) {
          const d = pick(rand, positionKeys);
          positions[d.key] = dimensionValue(rand, d);
        }
        versions.push({
          provision_id: provisionId(i, k), version: 1, heading: titleCase(words(rand, 4)), text: `${sentence(rand, 30)} ${sentence(rand, 20)}`,
          topics: some(rand, topics, 1), dimension_values: positions, valid_from: inForce, valid_until: null,
        });
      }
    }
    return [['legal.frameworks', frameworks], ['legal.provisions', provisions], ['legal.provision_versions', versions]];
  }, Math.max(1, Math.floor(CHUNK / (1 + spec.provisionsPerFramework))));
}

interface CurriculumFacts {
  id: string;
  audience: string;
  visibility: string;
  validityMonths: number;
}

async function generateCurricula(db: DataSource, spec: ScaleSpec): Promise<CurriculumFacts[]> {
  const rand = random(13);
  const facts: CurriculumFacts[] = [];
  const owners = ['eu-cepol', 'es-ct-ispc', ...BIG_AGENCIES];
  await bulk(db, 'curricula', spec.curricula, (start, end) => {
    const curricula: Row[] = [];
    const modules: Row[] = [];
    for (let i = start; i < end; i++) {
      const id = curriculumId(i);
      const audience = pick(rand, ['MANAGER', 'PRACTITIONER', 'ALL', 'ALL']);
      const visibility = pick(rand, ['PUBLIC', 'MEMBERS', 'LEA', 'LEA', 'MANAGEMENT']);
      const validityMonths = pick(rand, [12, 24, 36]);
      facts.push({ id, audience, visibility, validityMonths });
      curricula.push({
        id, owner_agency_id: pick(rand, owners), title: titleCase(words(rand, 6)), summary: sentence(rand, 25), audience,
        topics: some(rand, TOPICS, 1 + Math.floor(rand() * 2)), tags: some(rand, TAGS, 1 + Math.floor(rand() * 2)),
        learning_outcomes: [sentence(rand, 8), sentence(rand, 8)], language: pick(rand, LANGUAGES), estimated_hours: 1 + Math.floor(rand() * 40),
        visibility, restricted_to: [], related_procedures: Array.from({ length: Math.floor(rand() * 3) }, () => procedureId(Math.floor(rand() * spec.procedures))),
        related_legal_frameworks: rand() < 0.4 ? [frameworkId(Math.floor(rand() * spec.frameworks))] : [], version: 1, validity_months: validityMonths,
        created_by: null,
      });
      for (let k = 1; k <= 3; k++) {
        modules.push({
          id: seedModuleId(id, k), curriculum_id: id, position: k, title: titleCase(words(rand, 4)), outline: sentence(rand, 20),
          kind: pick(rand, ['ELEARNING', 'CLASSROOM', 'EXERCISE', 'WEBINAR']), duration_minutes: 30 + 15 * Math.floor(rand() * 8),
          pass_mark: rand() < 0.5 ? 70 : null,
        });
      }
    }
    return [['training.curricula', curricula], ['training.modules', modules]];
  }, CHUNK / 2);
  return facts;
}

interface MemberFacts {
  id: string;
  agency: string;
  tier: 'MANAGER' | 'PRACTITIONER';
}

async function generateMembers(db: DataSource, spec: ScaleSpec): Promise<MemberFacts[]> {
  const rand = random(14);
  const paths = jurisdictionPaths(directorySeed);
  const members: MemberFacts[] = BIG_AGENCIES.flatMap((agency) =>
    Array.from({ length: spec.membersPerBigAgency }, (_, k) => ({ id: memberId(agency, k + 1), agency, tier: k % 10 === 0 ? 'MANAGER' as const : 'PRACTITIONER' as const })));
  const agencyOf = new Map(directorySeed.agencies.map((a) => [a.id, a]));
  await bulk(db, 'members', members.length, (start, end) => {
    const directory: Row[] = [];
    const principals: Row[] = [];
    for (const m of members.slice(start, end)) {
      const agency = agencyOf.get(m.agency)!;
      const roles = rand() < 0.04 ? ['EDITOR'] : [];
      directory.push({
        id: m.id, display_name: `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`, email: `${m.id}@bench.example.eu`, agency_id: m.agency,
        tier: m.tier, roles, active: true,
      });
      principals.push({
        member_id: m.id, agency_id: m.agency, jurisdiction: agency.jurisdiction, jurisdiction_path: paths.get(agency.jurisdiction),
        org_kind: 'LEA', tier: m.tier, roles, active: true,
      });
    }
    return [['directory.members', directory], ['access.principals', principals]];
  });
  return members;
}

async function generateAssignments(db: DataSource, spec: ScaleSpec, members: MemberFacts[], curricula: CurriculumFacts[]): Promise<void> {
  const rand = random(15);
  // Curricula each tier may be given and may read (no restrictions are generated; MANAGEMENT is for managers only).
  const eligible = {
    MANAGER: curricula.filter((c) => c.audience !== 'PRACTITIONER'),
    PRACTITIONER: curricula.filter((c) => c.audience !== 'MANAGER' && c.visibility !== 'MANAGEMENT'),
  };
  const plan = members.map((m) => ({ m, n: m.agency === LARGEST_AGENCY ? spec.assignmentsPerMemberOfLargest : spec.assignmentsPerOtherMember }));
  const total = plan.reduce((s, p) => s + p.n, 0);
  let next = 0;
  let member = 0;
  await bulk(db, 'assignments', total, (start, end) => {
    const rows: Row[] = [];
    while (next < end && member < plan.length) {
      const { m, n } = plan[member++]!;
      for (const c of some(rand, eligible[m.tier], n)) {
        const r = rand();
        const status = r < 0.35 ? 'COMPLETED' : r < 0.55 ? 'IN_PROGRESS' : 'ASSIGNED';
        // Open assignments are overdue when their due date has passed (about one in five).
        const dueOn = status !== 'COMPLETED' && rand() < 0.2 ? dateBetween(rand, '2025-01-01', '2025-12-31') : dateBetween(rand, '2031-01-01', '2032-12-31');
        const completedOn = status === 'COMPLETED' ? dateBetween(rand, '2025-01-01', '2026-06-30') : null;
        rows.push({
          id: `bench-as-${next++}`, curriculum_id: c.id, curriculum_version: 1, member_id: m.id, assigned_by: 'demo-trainer',
          via_agency_id: m.agency, due_on: dueOn, status, completed_on: completedOn,
          refresh_due_on: completedOn ? addMonths(completedOn, c.validityMonths) : null, needs_refresh: false,
        });
      }
    }
    return [['training.assignments', rows]];
  });
}

async function generateWorkshops(db: DataSource, spec: ScaleSpec, voters: string[]): Promise<void> {
  const rand = random(16);
  const cities = PROCEDURE_JURISDICTIONS;
  await bulk(db, 'workshops', spec.workshops, (start, end) => {
    const workshops: Row[] = [];
    const items: Row[] = [];
    const votes: Row[] = [];
    const messages: Row[] = [];
    const recommendations: Row[] = [];
    const changes: Row[] = [];
    const links: Row[] = [];
    for (let i = start; i < end; i++) {
      const id = `bench-ws-${i}`;
      const city = pick(rand, cities);
      const startsOn = dateBetween(rand, '2019-01-01', '2026-06-30');
      const topics = some(rand, TOPICS, 1 + Math.floor(rand() * 3));
      workshops.push({
        id, title: titleCase(words(rand, 6)), series: rand() < 0.3 ? 'Everyday security workshops' : null, theme: words(rand, 8), city_code: city,
        starts_on: startsOn, ends_on: addDays(startsOn, Math.floor(rand() * 3)), organiser_id: pick(rand, agenciesIn.get(city)!), topics,
        participant_count: 10 + Math.floor(rand() * 70), participant_org_kinds: ['LEA', 'ACADEMIA'], summary: sentence(rand, 30),
        report_status: 'PUBLISHED', visibility: pick(rand, ['PUBLIC', 'MEMBERS', 'MEMBERS', 'LEA', 'LEA', 'MANAGEMENT']),
        restricted_to: rand() < 0.05 ? [city] : [],
      });
      for (let k = 1; k <= spec.swotItemsPerWorkshop; k++) {
        const itemId = `${id}-s${k}`;
        items.push({
          id: itemId, workshop_id: id, topic: pick(rand, topics), quadrant: pick(rand, ['STRENGTH', 'WEAKNESS', 'OPPORTUNITY', 'THREAT']),
          statement: sentence(rand, 14), evidence: rand() < 0.6 ? sentence(rand, 16) : null,
          jurisdictions: rand() < 0.4 ? [pick(rand, MEMBER_STATES)] : [], position: k,
        });
        for (const voter of some(rand, voters, Math.floor(rand() * 5))) votes.push({ swot_item_id: itemId, member_id: voter });
      }
      for (let k = 1; k <= 2; k++) messages.push({ id: `${id}-k${k}`, workshop_id: id, text: sentence(rand, 16), attribution: null, position: k });
      for (let k = 1; k <= spec.recommendationsPerWorkshop; k++) {
        const recId = `${id}-r${k}`;
        const at = `${addDays(startsOn, 1)}T16:00:00Z`;
        recommendations.push({
          id: recId, workshop_id: id, statement: sentence(rand, 14), rationale: sentence(rand, 20),
          addressees: some(rand, ['LEAS', 'POLICYMAKERS', 'PLATFORMS', 'TRAINERS', 'LOCAL_AUTHORITIES', 'ACADEMIA'], 1 + Math.floor(rand() * 2)),
          topics: some(rand, topics, 1), priority: pick(rand, ['HIGH', 'MEDIUM', 'LOW']), status: 'PROPOSED', position: k, created_at: at, updated_at: at,
        });
        changes.push({ recommendation_id: recId, from_status: null, to_status: 'PROPOSED', reason: 'Proposed at the workshop.', changed_by: null, changed_at: at });
        if (rand() < 0.2) {
          links.push({ recommendation_id: recId, target_type: 'PROCEDURE', target_id: procedureId(Math.floor(rand() * spec.procedures)), linked_at: at });
        }
      }
    }
    return [
      ['workshops.workshops', workshops], ['workshops.swot_items', items], ['workshops.swot_votes', votes], ['workshops.key_messages', messages],
      ['workshops.recommendations', recommendations], ['workshops.recommendation_status_changes', changes], ['workshops.recommendation_links', links],
    ];
  }, CHUNK / 10);
}

export interface DatasetInfo {
  scale: Scale;
  generatorVersion: number;
  documents: number;
  members: number;
  seconds: number;
  generatedAt: string;
}

const MARKER = 'public.bench_dataset';

/** The marker row of a complete dataset, or null when the database holds none (or an unfinished one). */
export async function datasetMarker(url: string): Promise<DatasetInfo | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('${MARKER}') IS NOT NULL AS present`);
    if (!rows[0]?.present) return null;
    const found = await client.query(`SELECT scale, generator_version, documents, members, seconds, generated_at FROM ${MARKER} LIMIT 1`);
    const r = found.rows[0];
    if (!r) return null;
    return { scale: r.scale, generatorVersion: r.generator_version, documents: r.documents, members: r.members, seconds: Number(r.seconds), generatedAt: new Date(r.generated_at).toISOString() };
  } finally {
    await client.end();
  }
}

/** Whether the database holds any table of ours (a run interrupted before its marker was written). */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

/** Loads the seeds, generates the scale's rows, builds the search index, analyses, and writes the marker last. */
export async function generateDataset(dbs: Databases, scale: Scale, log: (line: string) => void): Promise<DatasetInfo> {
  const spec = SCALES[scale];
  const began = Date.now();
  const step = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await fn();
    log(`  ${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const db = (name: string) => {
    const d = dbs.bySubgraph[name];
    if (!d) throw new Error(`No database for the ${name} subgraph`);
    return d;
  };
  await step('seeds', () => loadSeeds(dbs.bySubgraph, dbs.kernel));
  const members = await step('members', () => generateMembers(db('directory'), spec));
  await step('procedures', () => generateProcedures(db('procedures'), spec));
  await step('legal', () => generateLegal(db('legal'), spec));
  const curricula = await step('curricula', () => generateCurricula(db('training'), spec));
  await step('assignments', () => generateAssignments(db('training'), spec, members, curricula));
  await step('workshops', () => generateWorkshops(db('workshops'), spec, members.map((m) => m.id)));
  const search = db('search');
  const engine = createSearchEngine(search, {});
  let documents = 0;
  try {
    documents = await step('search index', () => reindexAll(search, engine, SEARCH_SOURCES, (p) => progress('search index', p.done, p.total)));
  } finally {
    await engine.close?.();
  }
  await step('vacuum analyze', async () => {
    const client = new pg.Client({ connectionString: dbs.url });
    await client.connect();
    try {
      await client.query('VACUUM ANALYZE');
    } finally {
      await client.end();
    }
  });
  const info: DatasetInfo = {
    scale, generatorVersion: GENERATOR_VERSION, documents, members: members.length, seconds: Math.round((Date.now() - began) / 100) / 10,
    generatedAt: new Date().toISOString(),
  };
  await dbs.kernel.query(`CREATE TABLE ${MARKER} (scale text NOT NULL, generator_version int NOT NULL, documents int NOT NULL,
    members int NOT NULL, seconds numeric NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`);
  await dbs.kernel.query(`INSERT INTO ${MARKER} (scale, generator_version, documents, members, seconds) VALUES ($1, $2, $3, $4, $5)`,
    [scale, GENERATOR_VERSION, documents, members.length, info.seconds]);
  return info;
}

/** Row counts of the tables the scenarios read, for the report. */
export async function datasetCounts(dbs: Databases): Promise<Record<string, number>> {
  const tables = ['procedures.procedures', 'procedures.procedure_versions', 'legal.frameworks', 'legal.provisions', 'training.curricula',
    'training.assignments', 'workshops.workshops', 'workshops.swot_items', 'workshops.recommendations', 'access.principals', 'search.documents'];
  const [row] = await dbs.kernel.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS "${t}"`).join(', ')}`);
  return row;
}
