import type { Effect } from '../effects.js';
import { claimSettings } from './claims.js';
import type { ClaimOutboxOptions, OutboxEntry } from './outbox-port.js';

/** The memory store's outbox: entries in write order, with claims and retries. */
export interface MemoryOutbox {
  readonly entries: ReadonlyArray<OutboxEntry>;
  add(messageId: string, version: number, effects: Effect[], at: string): void;
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

  return {
    entries,
    add(messageId, version, effects, at) {
      for (const effect of effects) {
        const entry: OutboxEntry = {
          id: String(nextId++),
          messageId,
          version,
          effect,
          state: 'pending',
          attempts: 0,
          availableAt: at,
          lockedBy: null,
          lastError: null,
        };
        entries.push(entry);
        byId.set(entry.id, entry);
      }
    },
    of: (messageId) => structuredClone(entries.filter((e) => e.messageId === messageId)),
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
      return structuredClone(due);
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
