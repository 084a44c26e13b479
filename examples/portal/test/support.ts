import { createMemoryStore } from '@reshaem/core';
import { createDemoDirectory } from '@reshaem/core/testing';
import { createPortalApp, type PortalAppOptions } from '../src/app.js';
import { createAccounts } from '../src/auth/accounts.js';
import type { PortalConfig } from '../src/config.js';
import { createPortal, type Portal, type PortalRuntime } from '../src/portal.js';

/** The test clock: 12:00 on 15.04.2025 in Kamchatka. */
export const NOW = new Date('2025-04-15T00:00:00.000Z');

export interface TestPortal extends Portal {
  /** What the worker and the mailer logged. */
  lines: string[];
}

/** Settings of `createPortal` a test may change: the session length and the limits. */
type TestSettings = Partial<
  Pick<
    PortalConfig,
    | 'sessionTtlSeconds'
    | 'formBodyBytes'
    | 'rateLimits'
    | 'trustProxy'
    | 'secureCookies'
    | 'unattachedUploadMs'
    | 'open311'
  >
>;

/** No rate limits: tests sign in as the same user many times a minute. */
export const NO_RATE_LIMITS = {
  signInPerAddress: null,
  signInPerAccount: null,
  submitPerUser: null,
  submitPerAddress: null,
  open311PerPartner: null,
};

/**
 * A portal on in-memory PGlite (or `dataDir`) with the demo data, the worker left to the
 * test, and no rate limits unless the test gives some.
 */
export async function startTestPortal(
  options: { dataDir?: string | null; now?: () => Date } & Pick<PortalRuntime, 'runWorker'> &
    TestSettings = {},
): Promise<TestPortal> {
  const lines: string[] = [];
  const { dataDir, now, runWorker, ...settings } = options;
  const portal = await createPortal(
    {
      dataDir: dataDir ?? null,
      demo: true,
      tokenSecret: 'test-secret',
      workerIntervalMs: 1000,
      rateLimits: NO_RATE_LIMITS,
      ...settings,
    },
    {
      now: now ?? (() => NOW),
      log: (line) => lines.push(line),
      runWorker: runWorker ?? false,
    },
  );
  return Object.assign(portal, { lines });
}

/** What a browser sends with a form: same-origin, urlencoded. */
export function formPost(values: Record<string, string>, cookie?: string): RequestInit {
  const headers: Record<string, string> = {
    origin: 'http://localhost',
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (cookie) headers.cookie = cookie;
  return { method: 'POST', headers, body: new URLSearchParams(values).toString() };
}

/** Signs in as a demo user through the sign-in page; returns the session cookie. */
export async function signIn(portal: Portal, userId: string): Promise<string> {
  const response = await portal.app.request('/sign-in', formPost({ userId }));
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 303 || !cookie) throw new Error(`sign-in as ${userId} failed`);
  return cookie;
}

/** GETs a page as the signed-in user and returns its HTML. */
export async function page(portal: Portal, cookie: string, path: string): Promise<string> {
  const response = await portal.app.request(path, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.text();
}

/** The `data-event` of every form on a card: its buttons. */
export const buttonsOf = (html: string): string[] =>
  [...html.matchAll(/<form[^>]*data-event="([^"]+)"/g)].map((m) => m[1] ?? '');

/** The message ids of a list page's rows, in order. */
export const rowsOf = (html: string): string[] =>
  [...html.matchAll(/<tr data-message="([^"]+)"/g)].map((m) => m[1] ?? '');

/**
 * The portal's app alone over the core's in-memory store of the demo world: no database,
 * no seeding, for tests of what the app does around the pages (limits, sessions).
 */
export function memoryPortalApp(
  options: Omit<PortalAppOptions, 'store' | 'accounts' | 'now' | 'demo'> & {
    now?: () => Date;
    sessionTtlSeconds?: number;
  } = {},
) {
  const { now = () => NOW, sessionTtlSeconds, ...rest } = options;
  const store = createMemoryStore({ directory: createDemoDirectory() });
  const accounts = createAccounts(store.directory, 'test-secret', {
    now,
    ...(sessionTtlSeconds === undefined ? {} : { ttlSeconds: sessionTtlSeconds }),
  });
  return {
    store,
    accounts,
    app: createPortalApp({ store, accounts, now, demo: true, rateLimits: NO_RATE_LIMITS, ...rest }),
  };
}

/** The public number the store gave a demo message when seeding (`<region>-<YYMMDD>-<seq>`). */
export async function demoNumber(portal: Portal, messageId: string): Promise<string> {
  const stored = await portal.store.get(messageId);
  if (!stored) throw new Error(`no ${messageId}`);
  return stored.snapshot.context.number;
}
