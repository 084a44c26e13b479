import type { Directory } from '../directory.js';
import type { Effect } from '../effects.js';
import { invalidField, invalidPayload, issuesFromZod, WorkflowRefusal } from '../errors.js';
import {
  compareForQuery,
  decodeCursor,
  encodeCursor,
  isAfterCursor,
  matchesQuery,
  sortValueOf,
} from '../query.js';
import type { Principal } from '../schemas/principal.js';
import { type MessageQuery, type MessageQueryInput, messageQuerySchema } from '../schemas/query.js';
import { type Folder, folderLabels, folderOf } from '../status.js';
import { isVisible, viewScopeOf } from '../visibility.js';
import { type ApplyResult, applyEvent, startMessage, statusOf } from '../workflow.js';
import { principalIdOf, requestFingerprint } from './idempotency.js';
import type {
  FolderCounts,
  MessagePage,
  MessageStore,
  SendOptions,
  StoredHistoryRecord,
  StoredMessage,
  StoreWriteResult,
  StoreWritten,
  WriteOptions,
} from './port.js';

interface Entry {
  current: StoredMessage;
  history: StoredHistoryRecord[];
}

/** A store that keeps everything in memory: for tests, examples and prototypes. */
export interface MemoryStore extends MessageStore {
  /** Every effect written so far, in order: the memory store's outbox. */
  readonly outbox: ReadonlyArray<{ messageId: string; version: number; effect: Effect }>;
}

/**
 * Validates a list query.
 * @throws {WorkflowRefusal} `invalid_payload` with the field paths.
 */
export function parseQuery(input: MessageQueryInput): MessageQuery {
  const parsed = messageQuerySchema.safeParse(input);
  if (!parsed.success) throw new WorkflowRefusal(invalidPayload(issuesFromZod(parsed.error)));
  return parsed.data;
}

const emptyCounts = (): FolderCounts =>
  Object.fromEntries(Object.keys(folderLabels).map((f) => [f, 0])) as FolderCounts;

/**
 * The in-memory implementation of the persistence port. Writes are atomic because each
 * one runs to completion without yielding; it passes the same contract suite as the SQL
 * stores.
 *
 * @example
 * const store = createMemoryStore({ directory });
 * const created = await store.submit(submitEvent);
 * const next = await store.send(created.message.id, acceptEvent, { expectedVersion: 1 });
 */
export function createMemoryStore(options: { directory: Directory }): MemoryStore {
  const { directory } = options;
  const messages = new Map<string, Entry>();
  const idempotency = new Map<string, { fingerprint: string; result: StoreWritten }>();
  const outbox: Array<{ messageId: string; version: number; effect: Effect }> = [];

  const remembered = (
    key: string | undefined,
    event: unknown,
    messageId: string | null,
  ): { hit: StoreWriteResult } | { scopedKey: string | undefined; fingerprint: string } => {
    const fingerprint = requestFingerprint(messageId, event);
    if (key === undefined) return { scopedKey: undefined, fingerprint };
    const scopedKey = `${principalIdOf(event)}\u0000${key}`;
    const seen = idempotency.get(scopedKey);
    if (!seen) return { scopedKey, fingerprint };
    if (seen.fingerprint !== fingerprint) {
      return {
        hit: {
          ok: false,
          error: {
            kind: 'idempotency_conflict',
            message: 'this idempotency key was used for a different request',
            key,
          },
        },
      };
    }
    return { hit: { ...seen.result, replayed: true } };
  };

  const commit = (
    result: ApplyResult,
    version: number,
    scopedKey: string | undefined,
    fingerprint: string,
  ): StoreWriteResult => {
    if (!result.ok) return result;
    const id = result.snapshot.context.id;
    const stored: StoredMessage = {
      id,
      version,
      status: result.status,
      snapshot: result.snapshot,
    };
    const entry = messages.get(id);
    const record: StoredHistoryRecord = { ...result.record, version };
    if (entry) {
      entry.current = stored;
      entry.history.push(record);
    } else {
      messages.set(id, { current: stored, history: [record] });
    }
    for (const effect of result.effects) outbox.push({ messageId: id, version, effect });
    const written: StoreWritten = {
      ok: true,
      message: stored,
      effects: result.effects,
      record: result.record,
      replayed: false,
    };
    if (scopedKey !== undefined) idempotency.set(scopedKey, { fingerprint, result: written });
    return structuredClone(written);
  };

  return {
    directory,
    outbox,

    async submit(event: unknown, opts: WriteOptions = {}) {
      const memo = remembered(opts.idempotencyKey, event, null);
      if ('hit' in memo) return structuredClone(memo.hit);
      const result = startMessage(event, directory);
      if (result.ok && messages.has(result.snapshot.context.id)) {
        const messageId = result.snapshot.context.id;
        return {
          ok: false,
          error: { kind: 'already_exists', message: `message ${messageId} exists`, messageId },
        };
      }
      return commit(result, 1, memo.scopedKey, memo.fingerprint);
    },

    async send(messageId: string, event: unknown, opts: SendOptions = {}) {
      const memo = remembered(opts.idempotencyKey, event, messageId);
      if ('hit' in memo) return structuredClone(memo.hit);
      const entry = messages.get(messageId);
      if (!entry) {
        return {
          ok: false,
          error: { kind: 'not_found', message: `no message ${messageId}`, messageId },
        };
      }
      const { version } = entry.current;
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== version) {
        return {
          ok: false,
          error: {
            kind: 'version_conflict',
            message: `message ${messageId} is at version ${version}, not ${opts.expectedVersion}`,
            expected: opts.expectedVersion,
            actual: version,
          },
        };
      }
      const result = applyEvent(entry.current.snapshot, event, directory);
      return commit(result, version + 1, memo.scopedKey, memo.fingerprint);
    },

    async get(messageId) {
      const entry = messages.get(messageId);
      return entry ? structuredClone(entry.current) : undefined;
    },

    async history(messageId) {
      return structuredClone(messages.get(messageId)?.history ?? []);
    },

    async list(viewer: Principal, input: MessageQueryInput = {}): Promise<MessagePage> {
      const query = parseQuery(input);
      const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
      if (query.cursor !== undefined && cursor === undefined) {
        throw new WorkflowRefusal(invalidField(['cursor'], 'malformed cursor'));
      }
      const scope = viewScopeOf(viewer, directory);
      const items = [];
      for (const { current } of messages.values()) {
        const item = { id: current.id, status: current.status, message: current.snapshot.context };
        if (!isVisible(scope, item.message, item.status)) continue;
        if (!matchesQuery(item, query)) continue;
        if (cursor && !isAfterCursor(item, cursor, query)) continue;
        items.push({ item, current });
      }
      items.sort((a, b) => compareForQuery(a.item, b.item, query));
      const page = items.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor =
        items.length > query.limit && last
          ? encodeCursor({ value: sortValueOf(last.item.message, query.sort), id: last.item.id })
          : null;
      return { items: structuredClone(page.map((p) => p.current)), nextCursor };
    },

    async folderCounts(viewer: Principal) {
      const scope = viewScopeOf(viewer, directory);
      const counts = emptyCounts();
      for (const { current } of messages.values()) {
        const message = current.snapshot.context;
        const status = statusOf(current.snapshot);
        if (!isVisible(scope, message, status)) continue;
        const folder: Folder = folderOf(status, message);
        counts[folder] += 1;
      }
      return counts;
    },

    async close() {},
  };
}
