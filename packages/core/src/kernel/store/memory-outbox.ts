import type { CaseEffect } from '../../onf/effects.js';
import type { Effect } from '../effects.js';
import { claimSettings } from './claims.js';
import { copy } from './copy.js';
import type { ClaimOutboxOptions, OutboxClaim, OutboxEntry } from './outbox-port.js';

/** The memory store's outbox: entries in write order, with claims and retries. */
export interface MemoryOutbox {
  readonly entries: ReadonlyArray<OutboxEntry>;
  add(messageId: string, version: number, effects: Effect[], at: string): void;
  /** An ОНФ card's effects (`workflow: 'onf'`). */
  addCase(caseId: string, version: number, effects: CaseEffect[], at: string): void;
  /** A message's entries (not a card's with the same id). */
  of(messageId: string): OutboxEntry[];
  claim(options: ClaimOutboxOptions): OutboxEntry[];
  complete(claim: OutboxClaim): boolean;
  fail(claim: OutboxClaim, error: string, retryAt: string | null): boolean;
  /** Gives back `workerId`'s claims on pending entries; how many. */
  release(workerId: string): number;
}

/** Queue order: `dueAt`, then write order (ids increase). */
const byDue = (a: OutboxEntry, b: OutboxEntry) =>
  a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : Number(a.id) - Number(b.id);

export function createMemoryOutbox(): MemoryOutbox {
  const entries: OutboxEntry[] = [];
  const byId = new Map<string, OutboxEntry>();
  let nextId = 1;

  /** The entry, if it is pending and the claim is still its current one. */
  const held = (claim: OutboxClaim) => {
    const entry = byId.get(claim.id);
    return entry?.state === 'pending' &&
      claim.lockedBy !== null &&
      entry.lockedBy === claim.lockedBy &&
      entry.attempts === claim.attempts
      ? entry
      : undefined;
  };

  const state = (messageId: string, version: number, at: string) => ({
    id: String(nextId++),
    messageId,
    version,
    state: 'pending' as const,
    attempts: 0,
    dueAt: at,
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
        .sort(byDue)
        .slice(0, limit);
      for (const entry of due) {
        entry.attempts += 1;
        entry.lockedBy = workerId;
        entry.availableAt = leaseUntil;
      }
      return copy(due);
    },
    complete(claim) {
      const entry = held(claim);
      if (!entry) return false;
      entry.state = 'done';
      return true;
    },
    fail(claim, error, retryAt) {
      const entry = held(claim);
      if (!entry) return false;
      entry.lastError = error;
      entry.lockedBy = null;
      if (retryAt === null) entry.state = 'failed';
      else {
        entry.dueAt = new Date(retryAt).toISOString();
        entry.availableAt = entry.dueAt;
      }
      return true;
    },
    release(workerId) {
      let released = 0;
      for (const entry of entries) {
        if (entry.state !== 'pending' || entry.lockedBy !== workerId) continue;
        entry.lockedBy = null;
        entry.availableAt = entry.dueAt;
        released += 1;
      }
      return released;
    },
  };
}
