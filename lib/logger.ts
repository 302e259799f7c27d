import { pino } from 'pino';
import type { Logger } from 'pino';

/** The structured logger; one per process, children per service and request. */
export function createLogger(level: string, name = 'eunomia'): Logger {
  return pino({ name, level, base: { service: name }, redact: ['req.headers.authorization', 'headers.authorization'] });
}
export type { Logger };
