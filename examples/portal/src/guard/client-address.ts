import { isIPv4, isIPv6 } from 'node:net';
import type { Context } from 'hono';

/** What `serve()` passes a Hono app as `env`: Node's request, with its socket. */
interface NodeEnv {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's address: the socket's by default. Behind reverse proxies (`trustProxy`
 * > 0), the entry that many places from the right of `X-Forwarded-For`, which each proxy
 * appends to; the entries further left are whatever the client chose to send. `null` when
 * the request did not come through a socket (`app.request()` in tests, a host that passes
 * no Node request).
 *
 * @example
 * clientAddress(c, 0); // '203.0.113.7' from the socket
 * clientAddress(c, 1); // the last X-Forwarded-For entry, set by the one trusted proxy
 */
export function clientAddress(c: Context, trustProxy: number): string | null {
  const socket = (c.env as NodeEnv | undefined)?.incoming?.socket?.remoteAddress ?? null;
  if (trustProxy > 0) {
    const chain = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const forwarded = chain[Math.max(0, chain.length - trustProxy)];
    if (forwarded && (isIPv4(forwarded) || isIPv6(forwarded))) return normalise(forwarded);
  }
  return socket === null ? null : normalise(socket);
}

/**
 * One key per client: IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 network, since one
 * subscriber is given a whole /64 and could otherwise walk through its addresses.
 */
function normalise(address: string): string {
  const mapped = address.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [
    ...left,
    ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
    ...right,
  ];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
