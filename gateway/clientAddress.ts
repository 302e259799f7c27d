import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { ProxyTrust } from '../lib/proxyTrust.ts';

/**
 * The client's address: the socket's peer, or, while that peer is a trusted proxy, the address it added to
 * X-Forwarded-For, walking the header from the right for as long as each hop is trusted. Entries to the left of
 * the first untrusted hop were written by the client and are never read. IPv4-mapped IPv6 addresses are given as IPv4.
 */
export function clientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  let address = normalise(req.socket.remoteAddress ?? 'unknown');
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  for (let hop = 0; trust.trusts(address, hop) && forwarded.length > 0; hop++) {
    const added = normalise(stripPort(forwarded.pop()!));
    // A trusted proxy writes addresses; anything else ends the walk at the last proxy.
    if (!isIP(added)) break;
    address = added;
  }
  return address;
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
