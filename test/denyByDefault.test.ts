import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allow, isLea } from '../lib/shieldRules.ts';
import { subgraphSchema } from '../lib/subgraphServer.ts';
import type { SubgraphCode } from '../lib/subgraphServer.ts';
import { codes, startTestPlatform, viewerOf } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';
import { subgraphClient } from './support/subgraph.ts';

// The shield wraps only fields whose rule is not `allow`; a field or type that no rule names stays denied.

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ consumers: false });
});
afterAll(async () => {
  await platform?.stop();
});

const probe: SubgraphCode<null> = {
  name: 'probe',
  typeDefs: parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Item @key(fields: "id") { id: ID! name: String! secret: String }
    type Note { text: String! }
    type Briefing { text: String! }
    type Query { item(id: ID!): Item note: Note briefing: Briefing unruled: String }`),
  resolvers: {
    Query: {
      item: (_: unknown, a: { id: string }) => ({ id: a.id, name: 'Item', secret: 'kept back', visibility: 'PUBLIC', restrictedTo: [] }),
      note: () => ({ text: 'a note' }),
      briefing: () => ({ text: 'a briefing' }),
      unruled: () => 'answered',
    },
  },
  // Item.secret, the type Note and Query.unruled have no rule.
  permissions: { Query: { item: allow, note: allow, briefing: allow }, Item: { id: allow, name: allow }, Briefing: isLea },
  createLoaders: () => null,
  entities: [],
};

describe('deny by default', () => {
  let client: Awaited<ReturnType<typeof subgraphClient>>;
  beforeAll(async () => {
    client = await subgraphClient(probe, platform.databases.kernel);
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('refuses a field without a rule on an allowed type, and logs the refusal', async () => {
    const viewer = await viewerOf(platform.databases, 'demo-manager-es');
    const r = await client.run<any>(viewer, `query Peek { item(id: "i-7") { id name secret } }`);
    expect(r.data).toEqual({ item: { id: 'i-7', name: 'Item', secret: null } });
    expect(r.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['item', 'secret'], 'FORBIDDEN']]);
    const rows = await platform.databases.kernel.query(
      `SELECT kind, decision, field, entity_type, entity_ids FROM audit.log WHERE subgraph = 'probe' AND operation_name = 'Peek'`);
    expect(rows).toEqual([{ kind: 'DENIAL', decision: 'DENIED', field: 'Item.secret', entity_type: 'Item', entity_ids: ['i-7'] }]);
  });

  it('refuses every field of a type no rule names, and a root field without a rule', async () => {
    const viewer = await viewerOf(platform.databases, 'demo-manager-es');
    const note = await client.run<any>(viewer, `{ note { text } }`);
    expect(note.data).toEqual({ note: null });
    expect(codes(note)).toEqual(['FORBIDDEN']);
    const unruled = await client.run<any>(viewer, `{ unruled }`);
    expect(unruled.data).toEqual({ unruled: null });
    expect(codes(unruled)).toEqual(['FORBIDDEN']);
  });

  it('applies a type\'s own rule to each of its fields', async () => {
    const partner = await client.run<any>(await viewerOf(platform.databases, 'demo-partner'), `{ briefing { text } }`);
    expect(partner.data).toEqual({ briefing: null });
    expect(codes(partner)).toEqual(['FORBIDDEN']);
    const lea = await client.run<any>(await viewerOf(platform.databases, 'demo-practitioner-es'), `{ briefing { text } }`);
    expect(lea).toEqual({ data: { briefing: { text: 'a briefing' } } });
  });

  it('wraps the refused fields and leaves the allowed ones to graphql-js', () => {
    const schema = subgraphSchema(probe);
    const fieldOf = (type: string, field: string) =>
      (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[field]!;
    expect(fieldOf('Item', 'name').resolve).toBeUndefined();
    expect(fieldOf('Item', 'secret').resolve).toBeTypeOf('function');
    expect(fieldOf('Note', 'text').resolve).toBeTypeOf('function');
    expect(fieldOf('Briefing', 'text').resolve).toBeTypeOf('function');
  });
});

describe('field rules on allowed types, through the gateway', () => {
  it('refuses an agency\'s training figures to a partner while its other fields resolve', async () => {
    const r = await platform.query<any>(`{ agency(id: "es-ct-mossos") { name trainingSummary { totals { assigned } } } }`, {}, 'demo-partner');
    expect(r.data?.agency).toEqual({ name: expect.any(String), trainingSummary: null });
    expect(r.data?.agency.name.length).toBeGreaterThan(0);
    expect(codes(r)).toEqual(['FORBIDDEN']);
  });
});
