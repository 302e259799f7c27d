import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directorySeed } from '../seeds/directory.ts';
import { startTestPlatform } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// What a response costs in Node grows with the fields wrapped around their resolvers: the shield wraps only fields whose
// rule is not `allow`, the audit only fields it acts on, and Apollo Server instruments none (no plugin resolves fields).

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const STATES = directorySeed.jurisdictions.filter((j) => j.euMember).map((j) => j.code);

/** Operations reaching every subgraph, as a manager and an auditor, so that each server has executed requests. */
const TRAFFIC: [string, Record<string, unknown>, string][] = [
  [`query Compare($states: [ID!]!) { compareProcedures(topic: MONITORING, jurisdictions: $states) {
     rows { divergent dimension { label } cells { jurisdiction { code name } value { display } procedure { id title } } } } }`,
  { states: STATES }, 'demo-manager-es'],
  [`{ procedures(first: 10) { nodes { title steps { action } jurisdiction { name } agency { name } legalBasis { heading } } } }`, {}, 'demo-manager-es'],
  [`{ legalFrameworks(first: 5) { nodes { title } } curricula(first: 5) { nodes { title modules { title } } } }`, {}, 'demo-manager-es'],
  [`{ workshops(first: 5) { nodes { title } } me { displayName agency { name } } }`, {}, 'demo-manager-es'],
  [`{ search(query: "police") { total hits { title snippet } facets { values { value count } } } }`, {}, 'demo-manager-es'],
  [`{ auditLog(first: 5) { nodes { kind entityIds } } }`, {}, 'demo-auditor'],
  [`{ me { unreadCount notifications(first: 5) { nodes { kind createdAt message } } follows { targetType } savedSearches { name } } }`, {}, 'demo-manager-es'],
];

/** Default-resolved fields of allowed types, one set per subgraph: graphql-js reads them off their parent directly. */
const UNWRAPPED: Record<string, string[]> = {
  directory: ['Jurisdiction.name', 'Agency.name', 'Member.displayName'],
  procedures: ['Procedure.title', 'ComparisonRow.divergent', 'DimensionValue.display', 'ProcedureStep.action'],
  legal: ['LegalFramework.title', 'LegalFramework.summary'],
  training: ['Curriculum.title', 'Module.title'],
  workshops: ['Workshop.title', 'SwotItem.statement'],
  search: ['SearchHit.title', 'SearchHit.snippet', 'SearchFacetValue.count'],
  audit: ['AuditEntry.kind', 'AuditEntry.entityIds'],
  notifications: ['Notification.kind', 'Notification.createdAt', 'Follow.targetType', 'SavedSearch.name'],
};

/** At most this many fields per subgraph carry a resolver of any kind (its own, the shield's or the audit's). */
const MOST_WRAPPED: Record<string, [wrapped: number, of: number]> = {
  directory: [22, 35], procedures: [45, 114], legal: [70, 164], training: [40, 96], workshops: [50, 104], search: [8, 29], audit: [8, 39], notifications: [34, 65],
};

type Field = { resolve?: unknown };
type ObjectType = { name: string; getFields(): Record<string, Field> };

function objectTypes(sub: TestPlatform['subgraphs'][number]): ObjectType[] {
  return Object.values(sub.schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && Object.prototype.toString.call(t) === '[object GraphQLObjectType]') as unknown as ObjectType[];
}

describe('per-field wrapping', () => {
  beforeAll(async () => {
    for (const [query, variables, as] of TRAFFIC) {
      const r = await platform.query(query, variables, as);
      expect(r.errors).toBeUndefined();
    }
  });

  it('leaves default-resolved fields of allowed types unwrapped in every subgraph, after requests ran', () => {
    expect(platform.subgraphs.map((s) => s.name).sort()).toEqual(Object.keys(UNWRAPPED).sort());
    for (const sub of platform.subgraphs) {
      const types = new Map(objectTypes(sub).map((t) => [t.name, t]));
      for (const coordinate of UNWRAPPED[sub.name]!) {
        const [typeName, fieldName] = coordinate.split('.') as [string, string];
        const field = types.get(typeName)?.getFields()[fieldName];
        expect(field, `${sub.name} has ${coordinate}`).toBeDefined();
        expect(field!.resolve, `${sub.name}: ${coordinate}`).toBeUndefined();
      }
    }
  });

  it('wraps a small share of each subgraph\'s fields', () => {
    for (const sub of platform.subgraphs) {
      const fields = objectTypes(sub).flatMap((t) => Object.values(t.getFields()));
      const [most, of] = MOST_WRAPPED[sub.name]!;
      expect(fields.length, `${sub.name} fields`).toBeGreaterThanOrEqual(of);
      expect(fields.filter((f) => typeof f.resolve === 'function').length, `${sub.name} wrapped fields`).toBeLessThanOrEqual(most);
    }
  });
});
