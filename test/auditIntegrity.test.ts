import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { chainHead } from '../lib/audit/checkpoint.ts';
import { createRolesSql } from '../lib/databaseRoles.ts';
import { auditVerify } from '../scripts/auditVerifyCommand.ts';
import { openDatabases, startPlatform } from '../scripts/platform.ts';
import { codes, postGraphQL, silentLog, startTestPlatform, testConfig } from './support/platform.ts';
import type { TestPlatform } from './support/platform.ts';

// The audit log's integrity: a change never commits without its row, consultations are recorded wherever item
// content is returned, a truncated tail is detected against signed checkpoints, and the runtime role cannot alter it.

let platform: TestPlatform;
let outside: string;
const CHECKPOINT_KEY = 'checkpoint-key-kept-away-from-the-database-0123';
const checkpointsFile = () => join(outside, 'audit-checkpoints.jsonl');

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'eunomia-checkpoints-'));
  platform = await startTestPlatform({
    consumers: false,
    env: { AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY, AUDIT_CHECKPOINT_FILE: checkpointsFile(), AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1', AUDIT_CHAIN_CACHE_SECONDS: '0' },
  });
});
afterAll(async () => {
  await platform?.stop();
  if (outside) await rm(outside, { recursive: true, force: true });
});

const kernel = () => platform.databases.kernel;

/** POSTs to the gateway with extra headers; returns the body with the request id the gateway assigned. */
async function send(query: string, variables: Record<string, unknown>, as: string, headers: Record<string, string> = {}) {
  const res = await fetch(platform.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await platform.token(as)}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }), requestId: res.headers.get('x-request-id') ?? '' };
}

const rowsOf = (requestId: string): Promise<{ kind: string; decision: string; field: string; error_code: string | null; entity_type: string; entity_ids: string[] }[]> =>
  kernel().query('SELECT kind, decision, field, error_code, entity_type, entity_ids FROM audit.log WHERE request_id = $1 ORDER BY seq', [requestId]);

describe('a mutation and its audit row', () => {
  const CREATE_WORKSHOP = `mutation CreateWorkshop($input: CreateWorkshopInput!) { createWorkshop(input: $input) { id title } }`;
  const input = (title: string) => ({
    title, theme: 'Audit integrity', city: 'ES-CT', startsOn: '2025-03-01', endsOn: '2025-03-02', organiser: 'es-ct-mossos',
    topics: ['MONITORING'], participantCount: 8, summary: 'A change and its row belong together.', language: 'en', visibility: 'LEA',
  });
  const workshopsTitled = async (title: string) =>
    Number((await platform.databases.bySubgraph.workshops!.query('SELECT count(*) AS n FROM workshops.workshops WHERE title = $1', [title]))[0].n);

  it('rolls the change back when its audit row cannot be written', async () => {
    // A trigger refusing exactly this mutation's successful row, as a failing disk or a lost connection would.
    await kernel().query(`CREATE FUNCTION audit.test_refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.justification = 'refuse this row' AND NEW.kind = 'MUTATION' AND NEW.error_code IS NULL THEN
          RAISE EXCEPTION 'audit row refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await kernel().query('CREATE TRIGGER test_refuse_row BEFORE INSERT ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.test_refuse_row()');
    const outboxRows = async () =>
      Number((await platform.databases.bySubgraph.workshops!.query('SELECT count(*) AS n FROM workshops.outbox'))[0].n);
    try {
      const outboxBefore = await outboxRows();
      const refused = await send(CREATE_WORKSHOP, { input: input('Unrecorded workshop') }, 'demo-manager-es', { 'X-Justification': 'refuse this row' });
      expect(codes(refused)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(await workshopsTitled('Unrecorded workshop')).toBe(0);
      expect(await outboxRows()).toBe(outboxBefore);
      // The attempt is on record as failed.
      expect(await rowsOf(refused.requestId)).toEqual([expect.objectContaining({
        kind: 'MUTATION', decision: 'ALLOWED', field: 'Mutation.createWorkshop', error_code: 'INTERNAL_SERVER_ERROR', entity_ids: [],
      })]);

      const recorded = await send(CREATE_WORKSHOP, { input: input('Recorded workshop') }, 'demo-manager-es', { 'X-Justification': 'keep this row' });
      expect(recorded.errors).toBeUndefined();
      expect(await workshopsTitled('Recorded workshop')).toBe(1);
      expect(await rowsOf(recorded.requestId)).toEqual([expect.objectContaining({
        kind: 'MUTATION', decision: 'ALLOWED', field: 'Mutation.createWorkshop', error_code: null, entity_ids: [recorded.data.createWorkshop.id],
      })]);
    } finally {
      await kernel().query('DROP TRIGGER test_refuse_row ON audit.log');
      await kernel().query('DROP FUNCTION audit.test_refuse_row()');
    }
  });
});

describe('consultations through derived values', () => {
  type Row = Awaited<ReturnType<typeof rowsOf>>[number];
  const consultations = (rows: Row[]) =>
    rows.filter((r) => r.kind === 'CONSULTATION').map((r) => [r.entity_type, [...r.entity_ids].sort()]).sort();

  it('logs the procedures a diff shows, without their own fields selected', async () => {
    const r = await send(`{ diffProcedures(left: "proc-es-ct-monitoring", right: "proc-de-monitoring") { changedCount fields { field before after } sections { heading after } } }`,
      {}, 'demo-manager-es');
    expect(r.errors).toBeUndefined();
    expect(r.data.diffProcedures.changedCount).toBeGreaterThan(0);
    expect(consultations(await rowsOf(r.requestId))).toEqual([['Procedure', ['proc-de-monitoring', 'proc-es-ct-monitoring']]]);
  });

  it('logs the procedures and provisions behind comparison values, without `procedure` or `provision` selected', async () => {
    const procedures = await send(`{ compareProcedures(topic: MONITORING, jurisdictions: ["ES-CT", "DE"]) { rows { cells { value { display } } } } }`,
      {}, 'demo-practitioner-es');
    expect(procedures.errors).toBeUndefined();
    expect(consultations(await rowsOf(procedures.requestId))).toEqual([['Procedure', ['proc-de-monitoring', 'proc-es-ct-monitoring']]]);

    // One provision the comparison shows made LEA-only: its value alone must be logged.
    const POSITIONS = `{ compareLegalPositions(topic: MONITORING, jurisdictions: ["ES", "DE"]) { rows { cells { value { display } } } } }`;
    const withIds = await send(`{ compareLegalPositions(topic: MONITORING, jurisdictions: ["ES", "DE"]) { rows { cells { provision { id } } } } }`, {}, 'demo-manager-es');
    const shown: string[] = withIds.data.compareLegalPositions.rows.flatMap((row: any) => row.cells).filter((c: any) => c.provision).map((c: any) => c.provision.id);
    expect(shown.length).toBeGreaterThan(0);
    const legalDb = platform.databases.bySubgraph.legal!;
    const [{ visibility }] = await legalDb.query('SELECT visibility FROM legal.provisions WHERE id = $1', [shown[0]]);
    await legalDb.query(`UPDATE legal.provisions SET visibility = 'LEA' WHERE id = $1`, [shown[0]]);
    try {
      const legal = await send(POSITIONS, {}, 'demo-manager-es');
      expect(legal.errors).toBeUndefined();
      expect(consultations(await rowsOf(legal.requestId))).toEqual([['LegalProvision', [shown[0]]]]);
    } finally {
      await legalDb.query('UPDATE legal.provisions SET visibility = $2 WHERE id = $1', [shown[0], visibility]);
    }
  });

  it('logs non-public acts behind a transposition status', async () => {
    const legal = platform.databases.bySubgraph.legal!;
    await legal.query(`UPDATE legal.frameworks SET visibility = 'LEA' WHERE id = 'es-lo-7-2021'`);
    try {
      const r = await send(`{ transposition(directive: "eu-2016-680") { transposedCount rows { status } } }`, {}, 'demo-practitioner-es');
      expect(r.errors).toBeUndefined();
      expect(consultations(await rowsOf(r.requestId))).toEqual([['LegalFramework', ['es-lo-7-2021']]]);
    } finally {
      await legal.query(`UPDATE legal.frameworks SET visibility = 'PUBLIC' WHERE id = 'es-lo-7-2021'`);
    }
  });

  it('logs the members a training report names as overdue, and any read of a member', async () => {
    const report = await send(`{ trainingReport(agency: "es-ct-mossos") { overdueMembers { id } } }`, {}, 'demo-manager-es');
    expect(report.errors).toBeUndefined();
    const overdue: string[] = report.data.trainingReport.overdueMembers.map((m: { id: string }) => m.id);
    expect(overdue.length).toBeGreaterThan(0);
    expect(consultations(await rowsOf(report.requestId))).toEqual([['Member', [...overdue].sort()]]);

    const member = await send(`{ member(id: "demo-practitioner-es") { displayName } }`, {}, 'demo-manager-es');
    expect(member.data.member.displayName).toBeTruthy();
    expect(consultations(await rowsOf(member.requestId))).toEqual([['Member', ['demo-practitioner-es']]]);
  });
});

describe('checkpoints anchor the tail', () => {
  const env = (key: string) => ({ ...process.env, DATABASE_URL: platform.databases.url, NODE_ENV: 'test', LOG_LEVEL: 'silent', AUDIT_CHECKPOINT_KEY: key });
  /** The command's work in this process (it starts in seconds as a process; the last case runs it as one). */
  const verify = async (args: string[], key = CHECKPOINT_KEY) => {
    const { code, out } = await auditVerify(args, env(key));
    return { code, stdout: out };
  };
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const verifyCommand = async (args: string[]) => {
    try {
      const { stdout } = await promisify(execFile)(tsx, ['scripts/auditVerify.ts', ...args], {
        cwd: fileURLToPath(new URL('..', import.meta.url)), env: env(CHECKPOINT_KEY),
      });
      return { code: 0, stdout };
    } catch (err) {
      const e = err as { code?: number; stdout?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '' };
    }
  };
  const lastRow = async (): Promise<{ seq: string; hash: string; row: unknown }> =>
    (await kernel().query('SELECT seq::text AS seq, hash, to_jsonb(l) AS row FROM audit.log l ORDER BY l.seq DESC LIMIT 1'))[0];
  const checkpoints = async () => (await readFile(checkpointsFile(), 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l));

  it('exports signed checkpoints and fails verification, naming the gap, when the last row is deleted', async () => {
    const read = await send(`{ procedure(id: "proc-es-monitoring") { title } }`, {}, 'demo-practitioner-es');
    expect(read.errors).toBeUndefined();
    const last = await lastRow();
    // The platform exports the head it reached, signed, outside the database.
    await expect.poll(async () => (await checkpoints()).map((c) => c.seq), { timeout: 10_000 }).toContain(last.seq);
    const checkpoint = (await checkpoints()).find((c) => c.seq === last.seq);
    expect(checkpoint).toMatchObject({ seq: last.seq, hash: last.hash, at: expect.stringMatching(/Z$/), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const whole = await verify(['--checkpoints', checkpointsFile()]);
    expect(whole).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^Audit chain intact: ${last.seq} rows\\.`)) });

    // The database owner switches the guard off and cuts the tail: the chain that remains is whole in itself.
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
    await kernel().query('DELETE FROM audit.log WHERE seq = $1', [last.seq]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    try {
      const before = String(Number(last.seq) - 1);
      expect((await verify([])).code).toBe(0);
      const cut = await verify(['--checkpoints', checkpointsFile()]);
      expect(cut.code).toBe(1);
      expect(cut.stdout).toBe(`Audit chain broken at seq=${last.seq}: the log ends at seq=${before}, but a checkpoint recorded seq=${last.seq} `
        + `(hash ${last.hash.slice(0, 12)}...): row seq=${last.seq} is missing\n`);
      const expected = await verify(['--expect-seq', last.seq, '--expect-hash', last.hash]);
      expect(expected.code).toBe(1);
      expect(expected.stdout).toContain(`row seq=${last.seq} is missing`);
    } finally {
      await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
      await kernel().query('INSERT INTO audit.log SELECT * FROM jsonb_populate_record(NULL::audit.log, $1::jsonb)', [JSON.stringify(last.row)]);
      await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    }
  }, 120_000);

  it('takes the head by seq as a number (seq 10 comes after seq 9)', async () => {
    for (let i = 0; i < 11; i += 1) await send(`{ procedure(id: "proc-es-monitoring") { title } }`, {}, 'demo-practitioner-es');
    const [{ seq, hash }] = await kernel().query('SELECT seq::text AS seq, hash FROM audit.log WHERE seq = (SELECT max(seq) FROM audit.log)');
    expect(Number(seq)).toBeGreaterThan(10);
    expect(await chainHead(kernel())).toEqual({ seq, hash });
  });

  it('refuses checkpoints not signed with the key, and a hash that differs from a checkpoint', async () => {
    const last = await lastRow();
    expect(await verify(['--expect-seq', last.seq, '--expect-hash', last.hash])).toMatchObject({ code: 0 });
    const rewritten = await verify(['--expect-seq', last.seq, '--expect-hash', 'f'.repeat(64)]);
    expect(rewritten.code).toBe(1);
    expect(rewritten.stdout).toContain(`differs from the checkpoint's ffffffffffff...: the log was rewritten since that checkpoint`);

    const forged = join(outside, 'forged.jsonl');
    await appendFile(forged, `${JSON.stringify({ seq: '1', hash: last.hash, at: new Date().toISOString(), mac: '0'.repeat(64) })}\n`);
    const refused = await verifyCommand(['--checkpoints', forged]);
    expect(refused).toEqual({ code: 1, stdout: `Checkpoints not trusted: the checkpoint on line 1 of ${forged} does not carry a valid signature.\n` });
    // The genuine file, checked with another key, is not trusted either.
    expect(await verify(['--checkpoints', checkpointsFile()], 'another-key-another-key-another-key-0123')).toMatchObject({ code: 1 });
  }, 120_000);
});

describe('auditChain through the gateway', () => {
  const CHAIN = `{ auditChain { intact rowsChecked head { seq hash } firstBreak { seq entryId problem } anchors
    latestCheckpoint { seq hash at verified } checkpointProblem } }`;
  const chain = async () => {
    const r = await send(CHAIN, {}, 'demo-auditor');
    expect(r.errors).toBeUndefined();
    return r.data.auditChain;
  };
  const checkpoints = async () => (await readFile(checkpointsFile(), 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => JSON.parse(l));

  it('gives the newest signed checkpoint, verified, and checks the chain against the checkpoints', async () => {
    await send(`{ procedure(id: "proc-es-monitoring") { title } }`, {}, 'demo-practitioner-es');
    const [{ seq }] = await kernel().query('SELECT max(seq)::text AS seq FROM audit.log');
    await expect.poll(async () => (await checkpoints()).map((c) => c.seq), { timeout: 10_000 }).toContain(seq);
    const status = await chain();
    const written = await checkpoints();
    const newest = written.at(-1);
    expect(status).toMatchObject({
      intact: true, firstBreak: null, checkpointProblem: null, anchors: written.length,
      latestCheckpoint: { seq: newest.seq, hash: newest.hash, at: newest.at, verified: true },
    });
    expect(Number(status.latestCheckpoint.seq)).toBeGreaterThanOrEqual(Number(seq));
    // The key signs; it is never part of the answer.
    expect(JSON.stringify(status)).not.toContain(CHECKPOINT_KEY);
  }, 60_000);

  it('says the chain is broken, naming the seq and the problem, once a row is rewritten by the table owner', async () => {
    await send(`{ procedure(id: "proc-es-monitoring") { title } }`, {}, 'demo-practitioner-es');
    const [target]: { id: string; seq: string; justification: string | null }[] =
      await kernel().query(`SELECT id::text, seq::text, justification FROM audit.log WHERE seq = (SELECT max(seq) - 2 FROM audit.log)`);
    expect((await chain()).intact).toBe(true);
    await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
    await kernel().query(`UPDATE audit.log SET justification = 'nothing to see' WHERE id = $1`, [target!.id]);
    await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    try {
      const broken = await chain();
      expect(broken).toMatchObject({ intact: false, head: null, rowsChecked: String(Number(target!.seq) - 1), firstBreak: { seq: target!.seq, entryId: target!.id } });
      expect(broken.firstBreak.problem).toMatch(/^hash [0-9a-f]{12}\.\.\. does not match the row's contents \(recomputed [0-9a-f]{12}\.\.\.\)$/);
    } finally {
      await kernel().query('ALTER TABLE audit.log DISABLE TRIGGER USER');
      await kernel().query('UPDATE audit.log SET justification = $2 WHERE id = $1', [target!.id, target!.justification]);
      await kernel().query('ALTER TABLE audit.log ENABLE TRIGGER USER');
    }
    expect((await chain()).intact).toBe(true);
  }, 60_000);
});

describe('the runtime database role', () => {
  it('may insert and read audit.log through the platform, and can neither change, remove nor disarm it', async () => {
    const suffix = randomBytes(4).toString('hex');
    const [migrator, runtime] = [`eunomia_owner_${suffix}`, `eunomia_app_${suffix}`];
    const ownerUrl = new URL(platform.databases.url);
    const database = ownerUrl.pathname.slice(1);
    // The administrator's step (npm run db:roles), then a password for the runtime role to connect with.
    await kernel().query(createRolesSql({ database, migrator, runtime }));
    await kernel().query(`ALTER ROLE ${runtime} PASSWORD 'runtime-password'`);
    const runtimeUrl = new URL(ownerUrl);
    runtimeUrl.username = runtime;
    runtimeUrl.password = 'runtime-password';

    // The platform migrates through the owner's URL, grants the runtime role, and runs as the runtime role.
    const databases = await openDatabases(runtimeUrl.toString(), { poolSize: 2, migrationUrl: platform.databases.url });
    const asRuntime = new pg.Client({ connectionString: runtimeUrl.toString() });
    await asRuntime.connect();
    try {
      expect((await asRuntime.query('SELECT current_user AS who')).rows[0].who).toBe(runtime);
      const running = await startPlatform(testConfig(), { seed: false, log: silentLog, databases, anyPorts: true, consumers: false, checkpoints: false });
      try {
        const token = await platform.token('demo-practitioner-es');
        const before = Number((await asRuntime.query('SELECT max(seq) AS n FROM audit.log')).rows[0].n);
        const read = await postGraphQL<any>(running.gatewayUrl, `{ procedure(id: "proc-es-monitoring") { title } }`, {}, token);
        expect(read.errors).toBeUndefined();
        expect(read.data.procedure.title).toBeTruthy();
        const rows = (await asRuntime.query(`SELECT member_id, kind, entity_ids FROM audit.log WHERE seq > $1`, [before])).rows;
        expect(rows).toEqual([{ member_id: 'demo-practitioner-es', kind: 'CONSULTATION', entity_ids: ['proc-es-monitoring'] }]);
      } finally {
        await running.stop();
      }

      const refused: [string, RegExp][] = [
        [`UPDATE audit.log SET justification = 'edited'`, /permission denied for table log/],
        ['DELETE FROM audit.log', /permission denied for table log/],
        ['TRUNCATE audit.log', /permission denied for table log/],
        ['ALTER TABLE audit.log DISABLE TRIGGER log_append_only', /must be owner of table log/],
        ['ALTER TABLE audit.log DISABLE TRIGGER USER', /must be owner of table log/],
        ['ALTER TABLE audit.log ADD COLUMN note text', /must be owner of table log/],
        ['DROP TRIGGER log_chain ON audit.log', /must be owner of (table|relation) log/],
        [`CREATE TRIGGER sneak BEFORE INSERT ON audit.log FOR EACH ROW EXECUTE FUNCTION audit.chain_row()`, /permission denied for table log/],
        ['DROP TABLE audit.log', /must be owner of table log/],
        ['CREATE OR REPLACE FUNCTION audit.row_digest(r audit.log) RETURNS text LANGUAGE sql AS $$ SELECT \'x\' $$', /must be owner of function row_digest|permission denied for schema audit/],
      ];
      for (const [sql, error] of refused) await expect(asRuntime.query(sql), sql).rejects.toThrow(error);
      // Its own privileges on the log: INSERT and SELECT, nothing else.
      const privileges = (await asRuntime.query(
        `SELECT array_agg(privilege_type::text ORDER BY privilege_type) AS p FROM information_schema.role_table_grants
         WHERE table_schema = 'audit' AND table_name = 'log' AND grantee = $1`, [runtime])).rows[0].p;
      expect(privileges).toEqual(['INSERT', 'SELECT']);
    } finally {
      await asRuntime.end();
      await databases.close();
      // The migration role owns the database now (createRolesSql): hand it back before the roles go.
      await kernel().query(`REASSIGN OWNED BY ${runtime}, ${migrator} TO CURRENT_USER; DROP OWNED BY ${runtime}, ${migrator}; DROP ROLE ${runtime}; DROP ROLE ${migrator}`);
    }
  }, 120_000);
});
