import {
  type CaseStore,
  type CaseWorkflow,
  timersOf as coreTimersOf,
  type MessageStore,
  type MessageStoreOptions,
  type MessageWorkflow,
  type OrganisationSettingsStore,
  onfWorkflow,
  posWorkflow,
  type SnapshotVersionPort,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import type { Kysely } from 'kysely';
import type { ReshaemDatabase } from '../database.js';
import { migrate } from '../migrations/migrate.js';
import { createPgliteKysely, type PgliteKyselyOptions } from '../pglite-kysely.js';
import { createPostgresKysely, type PostgresKyselyOptions } from '../postgres-kysely.js';
import { loadAutorules, saveAutorules } from './kernel/autorules.js';
import { claimOutbox, completeOutbox, failOutbox, releaseOutbox } from './kernel/outbox.js';
import {
  type Db,
  getMessage,
  messageHistory,
  messageOutbox,
  messageTimerLog,
  messageTimers,
} from './kernel/reads.js';
import { recentMessages } from './kernel/recent-messages.js';
import {
  loadAnswerTemplates,
  loadNotifications,
  saveAnswerTemplates,
  saveNotifications,
} from './kernel/settings.js';
import { releaseTimers, runDueTimers } from './kernel/timer-worker.js';
import { syncTreeRollups } from './kernel/tree-rollups.js';
import { classifyingUnavailable, rethrowClassified } from './kernel/unavailable.js';
import { caseIndicators } from './onf/case-indicators.js';
import { caseHistory, getCase, listCases } from './onf/list.js';
import { caseTimers } from './onf/timers.js';
import { casesHeldBy, sendCase, submitCase } from './onf/writes.js';
import { countFolders, countQueues } from './pos/counts.js';
import { indicators } from './pos/indicators.js';
import { listMessages } from './pos/list.js';
import { countByDefinition, listByDefinition, writeMigrated } from './pos/versions.js';
import { sendEvent, submitMessage, type WriteContext } from './pos/writes.js';

/** Where the store keeps its data: your Kysely, or how to open one that the store owns. */
export type SqlDatabase<DB = ReshaemDatabase> =
  | Kysely<DB>
  | { pglite: PgliteKyselyOptions }
  | { postgres: PostgresKyselyOptions };

export interface SqlStoreOptions<DB = ReshaemDatabase> extends MessageStoreOptions {
  /** In-memory PGlite when absent. */
  db?: SqlDatabase<DB>;
  /**
   * Run `migrate` before use. Defaults to `true` when the store opens the database itself
   * and `false` for a Kysely you pass (migrate it at deploy time).
   */
  migrate?: boolean;
  /**
   * The ПОС workflow of this release, with every definition version it knows (`posWorkflow`
   * by default): every apply, status and available-events computation goes through it.
   */
  workflow?: MessageWorkflow;
  /** The ОНФ workflow (`onfWorkflow` by default), likewise for cards. */
  caseWorkflow?: CaseWorkflow;
  /**
   * How many messages the store remembers as it last wrote them, so that the next event
   * for one is applied without reading it back: one round trip instead of two (and no JSON
   * parse or state restore). The write's version check confirms what was remembered; on a
   * message another process has written since, or an event the rules refuse on it, the
   * store reads the message afresh, so a stale memory costs a round trip, never a wrong
   * result. Snapshots the store hands out are then frozen. Default 1,000; `0` reads every
   * message before each event.
   */
  cachedMessages?: number;
}

/** The persistence port over SQL, with the Kysely it uses (for your own queries). */
export interface SqlStore
  extends MessageStore,
    CaseStore,
    OrganisationSettingsStore,
    SnapshotVersionPort {
  readonly db: Kysely<ReshaemDatabase>;
  /** The SLA indicators from the summary rows (`message_indicators`); see `MessageStore`. */
  indicators: NonNullable<MessageStore['indicators']>;
  /** The ОНФ card indicators; see `CaseStore`. */
  caseIndicators: NonNullable<CaseStore['caseIndicators']>;
  /** The ПОС workflow the store applies events with. */
  readonly workflow: MessageWorkflow;
  /** The ОНФ workflow the store applies card events with. */
  readonly caseWorkflow: CaseWorkflow;
}

function cachedMessagesOf(options: { cachedMessages?: number | undefined }): number {
  const size = options.cachedMessages ?? 1_000;
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError('cachedMessages must be a whole number, 0 or more');
  }
  return size;
}

const isKysely = <DB>(db: SqlDatabase<DB>): db is Kysely<DB> =>
  typeof (db as Kysely<DB>).selectFrom === 'function' &&
  typeof (db as Kysely<DB>).transaction === 'function';

function open<DB>(db: SqlDatabase<DB> | undefined): { kysely: Db; owned: boolean } {
  if (db === undefined) return { kysely: createPgliteKysely(), owned: true };
  if (isKysely(db)) return { kysely: db as unknown as Db, owned: false };
  if ('pglite' in db) return { kysely: createPgliteKysely(db.pglite), owned: true };
  return { kysely: createPostgresKysely(db.postgres), owned: true };
}

/**
 * The durable store: the core's rules over PostgreSQL (through node-postgres) or PGlite
 * (embedded, nothing to install), through Kysely. Each write is one transaction — load and
 * lock the message, apply the rules, store the snapshot with a version check, the history
 * record, the timers and the outbox entries — and passes the same contract suite as the
 * in-memory store. When the database cannot serve a call (down, restarting, dropped the
 * connection, saturated, or a bounded wait ran out), the method rejects with the core's
 * `StoreUnavailableError`; a write that fails so committed whole or not at all.
 *
 * @example
 * // Embedded, in memory (tests, demos): nothing to set up.
 * const store = await createSqlStore({ directory });
 *
 * // Production: PostgreSQL; migrate at deploy time.
 * const db = createPostgresKysely({ connectionString: process.env.DATABASE_URL! });
 * await migrate(db);
 * const store = await createSqlStore({ db, directory });
 * const created = await store.submit(submitEvent, { idempotencyKey: requestId });
 */
export async function createSqlStore<DB = ReshaemDatabase>(
  options: SqlStoreOptions<DB>,
): Promise<SqlStore> {
  const { kysely, owned } = open(options.db);
  if (options.migrate ?? owned) await migrate(kysely).catch(rethrowClassified);
  const { directory } = options;
  // Written at the first count rather than here: a store is created without a round trip.
  let trees: Promise<void> | undefined;
  const treesWritten = () => {
    trees ??= syncTreeRollups(kysely, directory).catch((error: unknown) => {
      trees = undefined;
      throw error;
    });
    return trees;
  };
  const workflow = options.workflow ?? posWorkflow;
  const caseWorkflow = options.caseWorkflow ?? onfWorkflow;
  const cases = { db: kysely, directory, workflow: caseWorkflow };
  const ctx: WriteContext = {
    db: kysely,
    directory,
    workflow,
    caseWorkflow,
    timersOf: options.timersOf ?? coreTimersOf,
    workerId: `worker-${crypto.randomUUID()}`,
    recent: recentMessages(cachedMessagesOf(options)),
    ...(options.autorules ? { autorules: options.autorules } : {}),
    ...(options.onAutoruleSkipped ? { onAutoruleSkipped: options.onAutoruleSkipped } : {}),
  };
  const timerPrincipal = options.timerPrincipal ?? SYSTEM_PRINCIPAL;

  // Database failures that mean "try again later" reject with StoreUnavailableError.
  return classifyingUnavailable({
    db: kysely,
    directory,
    workflow,
    caseWorkflow,
    submitCase: (event, opts) => submitCase(cases, event, opts),
    sendCase: (caseId, event, opts) => sendCase(cases, caseId, event, opts),
    getCase: (caseId) => getCase(kysely, caseId),
    caseHistory: (caseId) => caseHistory(kysely, caseId),
    listCases: (viewer, query = {}) => listCases(kysely, directory, viewer, query),
    casesHeldBy: (userId) => casesHeldBy(kysely, userId),
    caseIndicators: (query, viewer) => caseIndicators(kysely, directory, query, viewer),
    caseTimers: (caseId) => caseTimers(kysely, caseId),
    submit: (event, opts) => submitMessage(ctx, event, opts),
    send: (messageId, event, opts) => sendEvent(ctx, messageId, event, opts),
    get: (messageId) => getMessage(kysely, messageId),
    history: (messageId) => messageHistory(kysely, messageId),
    list: (viewer, query = {}) => listMessages(kysely, directory, viewer, query, treesWritten),
    folderCounts: async (viewer) => {
      await treesWritten();
      return countFolders(kysely, directory, viewer);
    },
    queueCounts: (viewer) => countQueues(kysely, directory, viewer),
    indicators: (query, viewer) => indicators(kysely, directory, query, viewer),
    messageTimers: (messageId) => messageTimers(kysely, messageId),
    runDueTimers: (opts) => runDueTimers(ctx, timerPrincipal, opts),
    messageTimerLog: (messageId) => messageTimerLog(kysely, messageId),
    messageOutbox: (messageId) => messageOutbox(kysely, messageId),
    claimOutbox: (opts) =>
      claimOutbox(kysely, { ...opts, workerId: opts.workerId ?? ctx.workerId }),
    completeOutbox: (claim) => completeOutbox(kysely, claim),
    failOutbox: (claim, error, retryAt) => failOutbox(kysely, claim, error, retryAt),
    releaseClaims: async (workerId) => ({
      timers: await releaseTimers(kysely, workerId),
      outbox: await releaseOutbox(kysely, workerId),
    }),
    loadAutorules: (orgId) => loadAutorules(kysely, orgId),
    saveAutorules: (orgId, rules) => saveAutorules(kysely, orgId, rules),
    loadNotifications: (orgId) => loadNotifications(kysely, orgId),
    saveNotifications: (orgId, configs) => saveNotifications(kysely, orgId, configs),
    loadAnswerTemplates: (orgId) => loadAnswerTemplates(kysely, orgId),
    saveAnswerTemplates: (orgId, templates) => saveAnswerTemplates(kysely, orgId, templates),
    countByDefinition: () => countByDefinition(kysely),
    listByDefinition: (version, opts) => listByDefinition(kysely, version, opts),
    writeMigrated: (stored, snapshot, record) => writeMigrated(ctx, stored, snapshot, record),
    async close() {
      if (owned) await kysely.destroy();
    },
  });
}
