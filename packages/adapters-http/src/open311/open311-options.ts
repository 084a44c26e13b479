import type { Principal } from '@reshaem/core';

/**
 * An integration partner as its `api_key` identifies it: who submits (a principal holding the
 * `system` role, since the core lets only the system post from a named integration) and the
 * name recorded on the message (`integration`, e.g. «Дневник ЕПГУ»).
 */
export interface Open311Partner {
  principal: Principal;
  name: string;
}

/** The Open311 GeoReport v2 endpoint of the HTTP adapter (`createHttpApp({ open311 })`). */
export interface Open311Options {
  /** Where the endpoint is mounted, below the app's `basePath`. Default `/open311/v2`. */
  prefix?: string;
  /**
   * Maps an `api_key` to the partner submitting with it, or `null` for an unknown key (403).
   * Without it, POST requests answers 403 for every key.
   */
  partnerOf?: (apiKey: string) => Open311Partner | null | Promise<Open311Partner | null>;
  /** Discovery: who runs the endpoint (an address, e-mail or phone). */
  contact?: string;
  /** Discovery: how a partner obtains an `api_key`. */
  keyService?: string;
  /** Discovery: when the endpoint last changed (an instant). Default 2026-12-01T00:00:00Z. */
  changeset?: string;
  /** Discovery: the endpoint's absolute URL, e.g. `https://portal.example/open311/v2`. */
  url?: string;
  /** The most requests one GET requests answers. Default 1000 (the specification's advice). */
  maxRequests?: number;
}

/** The options with their defaults. */
export interface ResolvedOpen311Options {
  prefix: string;
  partnerOf: (apiKey: string) => Open311Partner | null | Promise<Open311Partner | null>;
  contact: string;
  keyService: string;
  changeset: string;
  url: string | undefined;
  maxRequests: number;
}

export const DEFAULT_OPEN311_PREFIX = '/open311/v2';

/** Fills the defaults and checks the prefix (a path starting with a slash). */
export function resolveOpen311Options(options: Open311Options = {}): ResolvedOpen311Options {
  const prefix = (options.prefix ?? DEFAULT_OPEN311_PREFIX).replace(/\/+$/, '');
  if (!prefix.startsWith('/') || !/^[/A-Za-z0-9._~-]+$/.test(prefix)) {
    throw new RangeError('open311.prefix is a path starting with a slash, e.g. "/open311/v2"');
  }
  const maxRequests = options.maxRequests ?? 1000;
  if (!Number.isInteger(maxRequests) || maxRequests < 1 || maxRequests > 10_000) {
    throw new RangeError('open311.maxRequests must be an integer from 1 to 10000');
  }
  return {
    prefix,
    partnerOf: options.partnerOf ?? (() => null),
    contact: options.contact ?? '',
    keyService: options.keyService ?? '',
    changeset: options.changeset ?? '2026-12-01T00:00:00Z',
    url: options.url,
    maxRequests,
  };
}
