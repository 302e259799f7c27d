import { publicUrlOf } from '../lib/config.ts';
import type { Config } from '../lib/config.ts';
import type { MigrationClass } from '../lib/database.ts';
import type { SearchEngineSettings } from '../subgraphs/search/engines.ts';
import type { SubgraphCode, SubgraphDefinition } from '../lib/subgraphServer.ts';
import { directoryMigrations } from '../migrations/directory/index.ts';
import { legalMigrations } from '../migrations/legal/index.ts';
import { notificationsMigrations } from '../migrations/notifications/index.ts';
import { proceduresMigrations } from '../migrations/procedures/index.ts';
import { searchMigrations } from '../migrations/search/index.ts';
import { trainingMigrations } from '../migrations/training/index.ts';
import { workshopsMigrations } from '../migrations/workshops/index.ts';
import { SUBGRAPHS } from '../schema/subgraphs.ts';
import { auditSubgraph, chainSettingsOf } from '../subgraphs/audit/index.ts';
import { directorySubgraph } from '../subgraphs/directory/index.ts';
import { legalSubgraph } from '../subgraphs/legal/index.ts';
import { notificationsSubgraph } from '../subgraphs/notifications/index.ts';
import { proceduresSubgraph } from '../subgraphs/procedures/index.ts';
import { searchSubgraph } from '../subgraphs/search/index.ts';
import { trainingSubgraph } from '../subgraphs/training/index.ts';
import { workshopsSubgraph } from '../subgraphs/workshops/index.ts';

const withMigrations = <L>(code: SubgraphCode<L>, migrations: MigrationClass[]) =>
  ({ ...code, migrations }) as SubgraphDefinition<unknown>;

const CONTENT = [directorySubgraph, proceduresSubgraph, legalSubgraph, trainingSubgraph, workshopsSubgraph];
/** Schemas whose `search_documents` view the search subgraph indexes. */
export const SEARCH_SOURCES = CONTENT.filter((c) => c.publishesSearchDocuments).map((c) => c.name);

const search = (settings: SearchEngineSettings) => withMigrations(searchSubgraph({ settings, sources: SEARCH_SOURCES }), searchMigrations);

/** E-mail through SMTP_URL from MAIL_FROM, or to the local outbox without it; links to PUBLIC_URL (or the gateway). */
const notifications = (cfg?: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL' | 'HOST' | 'PORT'>) => withMigrations(notificationsSubgraph({
  sources: SEARCH_SOURCES,
  localMail: !cfg?.SMTP_URL,
  smtp: cfg?.SMTP_URL ? { url: cfg.SMTP_URL, from: cfg.MAIL_FROM } : undefined,
  publicUrl: cfg ? publicUrlOf(cfg) : undefined,
}), notificationsMigrations);

// The composition root: the only place that knows every subgraph's code and migrations.
const DEFINITIONS: Record<string, SubgraphDefinition<unknown>> = {
  directory: withMigrations(directorySubgraph, directoryMigrations),
  procedures: withMigrations(proceduresSubgraph, proceduresMigrations),
  legal: withMigrations(legalSubgraph, legalMigrations),
  training: withMigrations(trainingSubgraph, trainingMigrations),
  workshops: withMigrations(workshopsSubgraph, workshopsMigrations),
  // PostgreSQL full text unless the configuration names Meilisearch (see runnable).
  search: search({}),
  // Reads the kernel's audit schema; it has no migrations of its own.
  audit: withMigrations(auditSubgraph(), []),
  // Local outbox unless the configuration names an SMTP server (see runnable).
  notifications: notifications(),
};

for (const s of SUBGRAPHS) {
  if (!DEFINITIONS[s.name]) throw new Error(`schema/subgraphs.ts lists ${s.name} but scripts/services.ts has no definition for it`);
}

export const definitions = SUBGRAPHS.map((s) => DEFINITIONS[s.name]!);
export const definitionOf = (name: string) => {
  const d = DEFINITIONS[name];
  if (!d) throw new Error(`Unknown subgraph "${name}"`);
  return d;
};

/**
 * The definition to run with this configuration: the search subgraph's engine depends on MEILI_URL, the audit
 * subgraph's chain verdict on the checkpoint key and file, the notifications subgraph's e-mail on SMTP_URL, MAIL_FROM
 * and PUBLIC_URL. Each call makes a new definition (with its own counters): run a process's subgraph and its jobs from
 * the same one.
 */
export function runnable(def: SubgraphDefinition<unknown>, cfg: Config): SubgraphDefinition<unknown> {
  if (def.name === 'search' && cfg.MEILI_URL) return search({ MEILI_URL: cfg.MEILI_URL, MEILI_KEY: cfg.MEILI_KEY });
  if (def.name === 'audit') return withMigrations(auditSubgraph(chainSettingsOf(cfg)), []);
  if (def.name === 'notifications') return notifications(cfg);
  return def;
}

