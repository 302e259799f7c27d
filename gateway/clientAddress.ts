import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client's address: the socket's peer, or, behind a trusted reverse proxy (`trustProxy`), the first
 * address of X-Forwarded-For. IPv4-mapped IPv6 addresses are given as IPv4.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    const forwarded = first ? normalise(stripPort(first)) : null;
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  return normalise(req.socket.remoteAddress ?? 'unknown');
}

/** The rate-limit key of an anonymous client: its IPv4 address, or its IPv6 /64 network (one host's usual share). */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expand(address).slice(0, 4).join(':')}::/64`;
}

function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/** "[::1]:1234" → "::1"; "10.0.0.1:1234" → "10.0.0.1"; anything else as is. */
function stripPort(value: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  return v4 ? v4[1]! : value;
}

function expand(v6: string): string[] {
  const [head, tail] = v6.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms other than the mapped one) counts as two groups.
  const fill = Math.max(0, 8 - left.length - right.length - (right.some((g) => g.includes('.')) ? 1 : 0));
  return [...left, ...(tail !== undefined ? Array(fill).fill('0') : []), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
