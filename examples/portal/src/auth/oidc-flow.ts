import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** One browser sign-in through the provider, between the redirect and the callback. */
export interface OidcFlow {
  /** Ties the callback to this browser (CSRF on the redirect URI). */
  state: string;
  /** Ties the ID token to this sign-in (replayed tokens). */
  nonce: string;
  /** PKCE (RFC 7636): only this browser's callback can redeem the code. */
  verifier: string;
  /** Where to go afterwards: a path `safeNext` has kept, or `''`. */
  next: string;
  /** Unix seconds after which the flow is void. */
  expires: number;
}

/** The cookie holding the flow; sent back only to the callback. */
export const FLOW_COOKIE = 'reshaem_oidc_flow';
const FLOW_PATH = '/sign-in/callback';
/** Ten minutes to log in at the provider. */
export const FLOW_TTL_SECONDS = 600;

const random = () => randomBytes(32).toString('base64url');
const mac = (secret: string, payload: string) =>
  createHmac('sha256', `oidc-flow:${secret}`).update(payload).digest('base64url');

/** The PKCE S256 challenge of a verifier. */
export const challengeOf = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

/** A new flow with fresh random state, nonce and verifier (256 bits each). */
export const newFlow = (next: string, now: Date): OidcFlow => ({
  state: random(),
  nonce: random(),
  verifier: random(),
  next,
  expires: Math.floor(now.getTime() / 1000) + FLOW_TTL_SECONDS,
});

/**
 * Keeps the flow in a short-lived, HMAC-signed, HttpOnly, SameSite=Lax cookie: Lax, because
 * the provider sends the browser back with a top-level GET from another site.
 */
export function saveFlow(c: Context, flow: OidcFlow, secret: string, secure: boolean): void {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  setCookie(c, FLOW_COOKIE, `${payload}.${mac(secret, payload)}`, {
    httpOnly: true,
    sameSite: 'Lax',
    path: FLOW_PATH,
    maxAge: FLOW_TTL_SECONDS,
    secure,
  });
}

const isFlow = (value: unknown): value is OidcFlow => {
  if (typeof value !== 'object' || value === null) return false;
  const flow = value as Record<string, unknown>;
  return (
    ['state', 'nonce', 'verifier', 'next'].every((key) => typeof flow[key] === 'string') &&
    Number.isSafeInteger(flow.expires)
  );
};

/**
 * The flow of this browser's cookie, or `null` when there is none, it is forged or it has
 * expired. The cookie is deleted either way: a flow is used once.
 */
export function takeFlow(c: Context, secret: string, now: Date): OidcFlow | null {
  const cookie = getCookie(c, FLOW_COOKIE);
  deleteCookie(c, FLOW_COOKIE, { path: FLOW_PATH });
  if (!cookie) return null;
  const dot = cookie.indexOf('.');
  if (dot <= 0) return null;
  const payload = cookie.slice(0, dot);
  const given = Buffer.from(cookie.slice(dot + 1));
  const expected = Buffer.from(mac(secret, payload));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let flow: unknown;
  try {
    flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!isFlow(flow) || flow.expires <= Math.floor(now.getTime() / 1000)) return null;
  return flow;
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
