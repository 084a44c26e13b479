import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Open311Partner } from '@reshaem/adapters-http';
import type { Open311PartnerEntry } from './open311-settings.js';

/** The demo partner's name, recorded on the messages it submits. */
export const DEMO_PARTNER_NAME = 'Демо-партнёр Open311';

/**
 * The demo partner's `api_key`, derived from the token secret: printed in the start banner in
 * demo mode, and as hard to guess as the secret (the portal refuses to serve the well-known
 * secret beyond loopback).
 *
 * @example
 * demoPartnerKey('reshaem-demo'); // 'demo-311-…' (the same for the same secret)
 */
export function demoPartnerKey(tokenSecret: string): string {
  const mac = createHmac('sha256', tokenSecret).update('open311 demo partner').digest('hex');
  return `demo-311-${mac.slice(0, 24)}`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * `partnerOf` for the HTTP adapter's Open311 option: the key's SHA-256 compared in constant
 * time with every listed partner's, each partner a principal with the `system` role (the core
 * lets only the system submit from a named integration).
 *
 * @example
 * const partnerOf = open311Partners(settings.partners, demo ? demoPartnerKey(secret) : undefined);
 * createHttpApp({ store, authenticate, open311: { partnerOf } });
 */
export function open311Partners(
  entries: readonly Open311PartnerEntry[],
  demoKey?: string,
): (apiKey: string) => Open311Partner | null {
  const listed = entries.map((entry) => ({
    hash: Buffer.from(entry.keySha256, 'hex'),
    partner: {
      name: entry.name,
      principal: { id: `open311:${entry.id}`, name: entry.name, roles: [{ role: 'system' }] },
    } satisfies Open311Partner,
  }));
  if (demoKey !== undefined) {
    listed.push({
      hash: sha256(demoKey),
      partner: {
        name: DEMO_PARTNER_NAME,
        principal: { id: 'open311:demo', name: DEMO_PARTNER_NAME, roles: [{ role: 'system' }] },
      },
    });
  }
  return (apiKey) => {
    const hash = sha256(apiKey);
    let found: Open311Partner | null = null;
    // Every entry is compared, so the time taken says nothing of which one matched.
    for (const entry of listed) if (timingSafeEqual(entry.hash, hash)) found = entry.partner;
    return found;
  };
}
