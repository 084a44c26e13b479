import type { Effect } from '../effects.js';
import type { CaseEffect } from '../onf/case-effects.js';
import { claimSettings } from './claims.js';
import { copy } from './copy.js';
import type { ClaimOutboxOptions, OutboxEntry } from './outbox-port.js';

/** The memory store's outbox: entries in write order, with claims and retries. */
export interface MemoryOutbox {
  readonly entries: ReadonlyArray<OutboxEntry>;
  add(messageId: string, version: number, effects: Effect[], at: string): void;
  /** An ОНФ card's effects (`workflow: 'onf'`). */
  addCase(caseId: string, version: number, effects: CaseEffect[], at: string): void;
  /** A message's entries (not a card's with the same id). */
  of(messageId: string): OutboxEntry[];
  claim(options: ClaimOutboxOptions): OutboxEntry[];
  complete(id: string): boolean;
  fail(id: string, error: string, retryAt: string | null): boolean;
}

export function createMemoryOutbox(): MemoryOutbox {
  const entries: OutboxEntry[] = [];
  const byId = new Map<string, OutboxEntry>();
  let nextId = 1;

  const pending = (id: string) => {
    const entry = byId.get(id);
    return entry?.state === 'pending' ? entry : undefined;
  };

  const state = (messageId: string, version: number, at: string) => ({
    id: String(nextId++),
    messageId,
    version,
    state: 'pending' as const,
    attempts: 0,
    availableAt: at,
    lockedBy: null,
    lastError: null,
  });
  const push = (entry: OutboxEntry) => {
    entries.push(entry);
    byId.set(entry.id, entry);
  };

  return {
    entries,
    add(messageId, version, effects, at) {
      for (const effect of effects) {
        push({ ...state(messageId, version, at), workflow: 'pos', effect });
      }
    },
    addCase(caseId, version, effects, at) {
      for (const effect of effects) {
        push({ ...state(caseId, version, at), workflow: 'onf', effect });
      }
    },
    of: (messageId) =>
      copy(entries.filter((e) => e.workflow === 'pos' && e.messageId === messageId)),
    claim(options) {
      const { now, limit, workerId, leaseUntil } = claimSettings(options);
      const due = entries
        .filter((e) => e.state === 'pending' && e.availableAt <= now)
        .sort((a, b) =>
          a.availableAt < b.availableAt ? -1 : a.availableAt > b.availableAt ? 1 : 0,
        )
        .slice(0, limit);
      for (const entry of due) {
        entry.attempts += 1;
        entry.lockedBy = workerId;
        entry.availableAt = leaseUntil;
      }
      return copy(due);
    },
    complete(id) {
      const entry = pending(id);
      if (!entry) return false;
      entry.state = 'done';
      return true;
    },
    fail(id, error, retryAt) {
      const entry = pending(id);
      if (!entry) return false;
      entry.lastError = error;
      entry.lockedBy = null;
      if (retryAt === null) entry.state = 'failed';
      else entry.availableAt = new Date(retryAt).toISOString();
      return true;
    },
  };
}
