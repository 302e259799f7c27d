import { Logger as WorkerLogger, parseCronItems, run, runMigrations } from 'graphile-worker';
import type { CronItem, JobHelpers, LogLevel, Runner, TaskList, WorkerEvents } from 'graphile-worker';
import type { DataSource } from 'typeorm';
import type { Logger } from './logger.ts';

// Background work and schedules over PostgreSQL (graphile-worker): jobs are rows of the `graphile_worker` schema, taken
// by whichever process runs first; a schedule's run is recorded there too, so one run happens whatever the number of
// replicas, and a run missed while every process was down is caught up when one starts (backfill).

/** The schema graphile-worker migrates and works in. */
export const JOBS_SCHEMA = 'graphile_worker';

/** What a task is given besides its payload. */
export interface JobContext {
  /** The database of the subgraph the task belongs to. */
  db: DataSource;
  log: Logger;
  /** This attempt's number, from 1. */
  attempt: number;
  maxAttempts: number;
  /** How long until the next attempt should this one fail (the runner's exponential backoff: e^attempt seconds, at most e^10). */
  retryDelaySeconds: number;
}

/** A task: throws to be retried later (with exponential backoff), returns to be done. */
export type JobTask = (payload: Record<string, unknown>, job: JobContext) => Promise<void>;

/** A schedule (UTC cron): its task runs once per matching minute across every process. */
export interface JobSchedule {
  task: string;
  /** A crontab pattern in UTC, e.g. `0 6 * * *` (06:00 UTC daily). */
  cron: string;
  /** How far back a run missed while the platform was down is caught up on start (default one day). */
  catchUpMs?: number;
}

/** What a subgraph contributes: its tasks by name and its schedules (task names are prefixed with the subgraph's). */
export interface JobDefinitions {
  tasks: Record<string, JobTask>;
  schedules?: JobSchedule[];
}

export interface JobSet {
  /** The owner's name: its tasks run as `<name>.<task>`. */
  name: string;
  db: DataSource;
  jobs: JobDefinitions;
}

export interface JobRunner {
  /** Queues a job (`<subgraph>.<task>`) now. */
  addJob(task: string, payload?: Record<string, unknown>): Promise<void>;
  /** The runner's events (job:success, job:error, cron:backfill, ...). */
  events: WorkerEvents;
  stop(): Promise<void>;
}

export const taskName = (owner: string, task: string) => `${owner}.${task}`;
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** graphile-worker's retry delay after a failed attempt (its fail_job): exp(least(attempts, 10)) seconds. */
export const retryDelaySeconds = (attempt: number) => Math.round(Math.exp(Math.min(attempt, 10)));

function workerLogger(log: Logger): WorkerLogger {
  const levels: Record<LogLevel, 'error' | 'warn' | 'info' | 'debug'> = { error: 'error', warning: 'warn', info: 'info', debug: 'debug' };
  return new WorkerLogger(() => (level, message, meta) => {
    const method = levels[level] ?? 'info';
    // Its own lines about jobs it ran are kept quiet; tasks log what matters themselves.
    log[method === 'info' ? 'debug' : method]({ jobs: meta ?? undefined }, message);
  });
}

/** Creates or updates the jobs schema (as the schemas' owner when a migration URL is used). */
export async function migrateJobs(connectionString: string, log?: Logger): Promise<void> {
  await runMigrations({ connectionString, schema: JOBS_SCHEMA, ...(log ? { logger: workerLogger(log) } : {}) });
}

/**
 * What the runtime role needs beyond the schema grants every schema gets (lib/databaseRoles.ts): graphile-worker turns
 * on row-level security on its tables with no policy, which leaves them to their owner; a policy per table lets the
 * runtime role queue, take and finish jobs. Run by the migration role after migrating; idempotent.
 */
export function jobsRuntimeAccessSql(role: string): string {
  const literal = `'${role.replace(/'/g, "''")}'`;
  return `DO $$ DECLARE t record; BEGIN
    FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = '${JOBS_SCHEMA}' AND c.relkind = 'r' AND c.relrowsecurity LOOP
      EXECUTE format('DROP POLICY IF EXISTS %I ON ${JOBS_SCHEMA}.%I', 'runtime_' || ${literal}, t.relname);
      EXECUTE format('CREATE POLICY %I ON ${JOBS_SCHEMA}.%I TO %I USING (true) WITH CHECK (true)', 'runtime_' || ${literal}, t.relname, ${literal});
    END LOOP; END $$`;
}

/**
 * SQL calling graphile-worker's add_jobs over the rows of `from` (a CTE or table alias): one job of task `$taskParam`
 * per row with payload `payload` (a json expression over those rows), tried at most `maxAttempts` times (the runner's
 * default, 25, when not given; at most 32,767). Nothing is added when `from` has no row. For
 * queueing jobs inside the caller's transaction, in the same statement as what they are about.
 */
export function addJobsSql(from: string, taskParam: string, payload: string, maxAttempts?: number): string {
  const attempts = maxAttempts === undefined ? 'NULL' : String(Math.trunc(maxAttempts));
  return `(SELECT count(*) FROM (SELECT array_agg(ROW(${taskParam}::text, ${payload}, NULL, NULL, ${attempts}, NULL, NULL, NULL)::${JOBS_SCHEMA}.job_spec) AS specs
    FROM ${from}) s, LATERAL ${JOBS_SCHEMA}.add_jobs(s.specs) WHERE s.specs IS NOT NULL)`;
}

/**
 * Runs the tasks and schedules of every set over one pool, in this process. The caller has migrated the jobs schema
 * (migrateJobs); the runner installs no signal handler (the process's owner stops it).
 */
export async function runJobs(opts: {
  connectionString: string;
  sets: JobSet[];
  log: Logger;
  concurrency?: number;
  pollIntervalMs?: number;
}): Promise<JobRunner> {
  const log = opts.log.child({ component: 'jobs' });
  const taskList: TaskList = {};
  const cron: CronItem[] = [];
  for (const set of opts.sets) {
    for (const [name, task] of Object.entries(set.jobs.tasks)) {
      const id = taskName(set.name, name);
      taskList[id] = async (payload: unknown, helpers: JobHelpers) => {
        const { attempts, max_attempts: maxAttempts } = helpers.job;
        await task((payload ?? {}) as Record<string, unknown>, {
          db: set.db, log: log.child({ task: id, jobId: helpers.job.id }), attempt: attempts, maxAttempts, retryDelaySeconds: retryDelaySeconds(attempts),
        });
      };
    }
    for (const s of set.jobs.schedules ?? []) {
      if (!set.jobs.tasks[s.task]) throw new Error(`The ${set.name} schedule "${s.cron}" names no task of it: ${s.task}`);
      const id = taskName(set.name, s.task);
      cron.push({ task: id, identifier: id, match: s.cron, options: { backfillPeriod: s.catchUpMs ?? ONE_DAY_MS, jobKey: id, jobKeyMode: 'preserve_run_at' } });
    }
  }
  const runner: Runner = await run({
    connectionString: opts.connectionString,
    schema: JOBS_SCHEMA,
    taskList,
    parsedCronItems: parseCronItems(cron),
    concurrency: opts.concurrency ?? 2,
    maxPoolSize: (opts.concurrency ?? 2) + 2,
    pollInterval: opts.pollIntervalMs ?? 1000,
    noHandleSignals: true,
    logger: workerLogger(log),
  });
  runner.promise.catch((err) => log.error({ err }, 'the job runner stopped'));
  return {
    addJob: async (task, payload = {}) => void (await runner.addJob(task, payload)),
    events: runner.events,
    stop: () => runner.stop(),
  };
}
