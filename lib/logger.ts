import { pino } from 'pino';
import type { DestinationStream, Logger } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'name', 'service', 'subgraph', 'msg']);

/** One line a person reads: time, level, service, message, then the other fields as key=value. */
export function humanLine(json: string): string {
  const entry = JSON.parse(json) as Record<string, unknown>;
  const time = new Date(Number(entry.time)).toISOString().slice(11, 19);
  const err = entry.err as { message?: string } | undefined;
  const fields = Object.entries(entry)
    .filter(([k]) => !OMITTED.has(k) && k !== 'err')
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (err?.message) fields.push(`error=${JSON.stringify(err.message)}`);
  const service = entry.subgraph ?? entry.service;
  return `${time} ${(LEVELS[Number(entry.level)] ?? 'LOG').padEnd(5)} ${service}: ${entry.msg ?? ''}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

const humanStream: DestinationStream = {
  write: (chunk: string) => void process.stderr.write(chunk.split('\n').filter(Boolean).map(humanLine).join('')),
};

/** The structured logger; one per process, children per service and request. `human`: lines for a terminal, not JSON. */
export function createLogger(level: string, name = 'eunomia', opts: { human?: boolean } = {}): Logger {
  const options = { name, level, base: { service: name }, redact: ['req.headers.authorization', 'headers.authorization'] };
  return opts.human ? pino(options, humanStream) : pino(options);
}
export type { Logger };
