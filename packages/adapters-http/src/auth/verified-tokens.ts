import type { Claims } from './oidc-claims.js';

/**
 * Access tokens whose signature and claims have been verified, by their exact text, so that
 * a client sending the same token again is not checked again: verifying an RS256 signature
 * costs more server CPU than the rest of authenticating a request. An entry holds until the
 * token expires (or grows too old, or its verification is older than the key cache's age,
 * after which a key the issuer withdrew would no longer be trusted); a failed verification
 * is never kept. The oldest entry makes room when `size` is reached.
 */
export interface VerifiedTokens {
  /** The claims of a token verified before and still good at `nowMs`, else `undefined`. */
  get(token: string, nowMs: number): Claims | undefined;
  /** Remembers a verified token's claims, good from `fromMs` until `untilMs`. */
  set(token: string, claims: Claims, fromMs: number, untilMs: number): void;
}

interface Entry {
  claims: Claims;
  fromMs: number;
  untilMs: number;
}

export function verifiedTokens(size: number): VerifiedTokens {
  const entries = new Map<string, Entry>();
  return {
    get(token, nowMs) {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      if (nowMs >= entry.untilMs) {
        entries.delete(token);
        return undefined;
      }
      return nowMs >= entry.fromMs ? entry.claims : undefined;
    },
    set(token, claims, fromMs, untilMs) {
      if (size <= 0 || untilMs <= fromMs) return;
      if (!entries.has(token) && entries.size >= size) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(token, { claims, fromMs, untilMs });
    },
  };
}
