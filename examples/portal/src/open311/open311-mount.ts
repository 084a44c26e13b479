import { createHttpApp, type Open311Partner } from '@reshaem/adapters-http';
import type { FileStore, MessageStore } from '@reshaem/core';
import type { Hono } from 'hono';
import type { PageEnv } from '../auth/session.js';

/** Where the portal serves Open311 GeoReport v2: the adapter's default prefix. */
export const OPEN311_PREFIX = '/open311/v2';

export interface PortalOpen311 {
  /** Maps an `api_key` to its partner, or `null` (403); see `open311Partners`. */
  partnerOf: (apiKey: string) => Open311Partner | null;
  /** Discovery's `contact`. */
  contact?: string;
}

/**
 * Serves the HTTP adapter's Open311 endpoint at `/open311/v2` of the portal's origin, beside
 * the API: reads need no credentials and show public messages only; `POST requests` takes a
 * partner's `api_key`. The endpoint is the adapter's own app, mounted without the API's
 * `/api` base path and with no bearer sign-in: Open311 knows only `api_key`. With the
 * portal's uploads it serves `media_url`, the photos applicants allowed to be public.
 *
 * @example
 * registerOpen311(app, { store, now, files }, { partnerOf: open311Partners(partners) });
 */
export function registerOpen311(
  app: Hono<PageEnv>,
  deps: { store: MessageStore; now: () => Date; files?: FileStore | undefined },
  options: PortalOpen311,
): void {
  const open311 = createHttpApp({
    store: deps.store,
    authenticate: () => null,
    now: deps.now,
    // The public photos behind media_url come from the portal's uploads.
    ...(deps.files && { files: { store: deps.files } }),
    open311: {
      prefix: OPEN311_PREFIX,
      partnerOf: options.partnerOf,
      ...(options.contact ? { contact: options.contact } : {}),
    },
  });
  app.all(`${OPEN311_PREFIX}/*`, (c) => open311.fetch(c.req.raw));
}
