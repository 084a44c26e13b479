import type { SqlStore } from '@reshaem/adapters-sql';
import type { FileStore } from '@reshaem/core';
import type { Hono } from 'hono';
import { createPortalApp } from './app.js';
import { createAccounts } from './auth/accounts.js';
import { oidcAuthenticate } from './auth/oidc.js';
import { createOidcSignIn } from './auth/oidc-sign-in.js';
import type { PageEnv } from './auth/session.js';
import type { PortalConfig } from './config.js';
import { openDatabase } from './database.js';
import { demoPartnerKey, open311Partners } from './open311/open311-partners.js';
import { type CaseSeedReport, seedDemoCases } from './seed/onf-seed.js';
import { type SeedReport, seedDemoMessages } from './seed/seed.js';
import type { Log } from './worker/mailer.js';
import { startWorker, type Worker } from './worker/worker.js';

/** A running portal, without its HTTP listener (tests call `app.request`). */
export interface Portal {
  app: Hono<PageEnv>;
  store: SqlStore;
  /** Uploads, in the portal's database. */
  files: FileStore;
  worker: Worker;
  seed: SeedReport;
  /** The ОНФ demo cards seeded beside the messages. */
  caseSeed: CaseSeedReport;
  /** Stops the worker (its claims released) and closes the database. */
  close(): Promise<void>;
}

export interface PortalRuntime {
  /** The clock that stamps events and runs the worker; the system clock by default. */
  now?: () => Date;
  /** Where the worker and the mailer write; `console.log` by default. */
  log?: Log;
  /** Start the worker's interval; tests leave it off and call `worker.tick()`. */
  runWorker?: boolean;
}

/**
 * Builds the portal from the public packages only: PGlite through the SQL adapter
 * (migrated, the demo directory saved on first start), demo messages and ОНФ cards when the
 * database is empty and demo mode is on, the HTTP API and the pages, and the in-process worker.
 *
 * @example
 * const portal = await createPortal(readConfig([], process.env));
 * serve(portal.app, { port: 3000 });
 */
export async function createPortal(
  config: Pick<
    PortalConfig,
    'dataDir' | 'demo' | 'tokenSecret' | 'workerIntervalMs' | 'oidc' | 'postgres' | 'outboxWebhook'
  > &
    Partial<
      Pick<
        PortalConfig,
        | 'sessionTtlSeconds'
        | 'formBodyBytes'
        | 'rateLimits'
        | 'trustProxy'
        | 'secureCookies'
        | 'unattachedUploadMs'
        | 'open311'
        | 'map'
      >
    >,
  runtime: PortalRuntime = {},
): Promise<Portal> {
  const now = runtime.now ?? (() => new Date());
  const log = runtime.log ?? ((line: string) => console.log(line));
  const database = await openDatabase(config.dataDir, config.postgres);
  const { store, files } = database;
  try {
    const seed = config.demo
      ? await seedDemoMessages(store, now())
      : { seeded: false, messages: 0, timersFired: 0, notificationsSkipped: 0 };
    const caseSeed = config.demo
      ? await seedDemoCases(store, now())
      : { seeded: false, cases: 0, timersFired: 0, notificationsSkipped: 0 };
    const accounts = createAccounts(store.directory, config.tokenSecret, {
      now,
      applicants: config.oidc?.browser !== undefined && config.oidc.unknownUsers === 'applicant',
      ...(config.sessionTtlSeconds === undefined ? {} : { ttlSeconds: config.sessionTtlSeconds }),
    });
    const app = createPortalApp({
      store,
      files,
      accounts,
      now,
      demo: config.demo,
      ...(config.oidc && { authenticate: oidcAuthenticate(config.oidc, () => store.directory) }),
      ...(config.formBodyBytes === undefined ? {} : { formBodyBytes: config.formBodyBytes }),
      ...(config.rateLimits === undefined ? {} : { rateLimits: config.rateLimits }),
      ...(config.trustProxy === undefined ? {} : { trustProxy: config.trustProxy }),
      ...(config.secureCookies === undefined ? {} : { secureCookies: config.secureCookies }),
      ...(config.open311?.enabled !== false && {
        open311: {
          // Demo mode adds the demo partner, its key derived from the token secret.
          partnerOf: open311Partners(
            config.open311?.partners ?? [],
            config.demo ? demoPartnerKey(config.tokenSecret) : undefined,
          ),
          ...(config.open311?.contact && { contact: config.open311.contact }),
        },
      }),
      ...(config.map && { map: config.map }),
      ...(config.oidc?.browser && {
        oidcPages: {
          signIn: createOidcSignIn(
            { ...config.oidc, browser: config.oidc.browser },
            () => store.directory,
          ),
          flowSecret: config.tokenSecret,
        },
      }),
    });
    const worker = startWorker({
      store,
      now,
      intervalMs: config.workerIntervalMs,
      log,
      autoStart: runtime.runWorker ?? true,
      uploads: { files, unattachedMs: config.unattachedUploadMs ?? 24 * 60 * 60_000 },
      ...(config.outboxWebhook === undefined ? {} : { webhook: config.outboxWebhook }),
    });
    return {
      app,
      store,
      files,
      worker,
      seed,
      caseSeed,
      async close() {
        await worker.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
