import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from './access.ts';
import type { AuditCollector } from './audit/collector.ts';

/** What every resolver receives, built once per request. */
export interface BaseContext {
  viewer: Viewer;
  requestId: string;
  log: Logger;
}

export interface SubgraphContext<L> extends BaseContext {
  db: DataSource;
  loaders: L;
  /** The request's audit entries, written when it ends (lib/audit). */
  audit: AuditCollector;
}
