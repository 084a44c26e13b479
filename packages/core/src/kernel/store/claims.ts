import type { Principal } from '../schemas/principal.js';
import { stableStringify } from './idempotency.js';
import type { Timer } from './timer.js';

/*
 * What every store shares about timers and the outbox, so that they behave alike: claim
 * defaults and leases, the event a timer sends, and how a write changes a message's timers.
 */

/** How many timers or outbox entries one claim takes when the caller does not say. */
export const DEFAULT_CLAIM_LIMIT = 100;
/** How long a claim lasts when the caller does not say: one minute. */
export const DEFAULT_LEASE_MS = 60_000;

/** A claim's settings with the defaults filled in and the lease's end computed. */
export interface ClaimSettings {
  now: string;
  limit: number;
  workerId: string;
  /** `now + leaseMs` as an ISO instant: when the claim expires. */
  leaseUntil: string;
}

/** Fills in a claim's defaults (shared by every store, so they behave alike). */
export function claimSettings(options: {
  now: string;
  limit?: number;
  leaseMs?: number;
  workerId?: string;
}): ClaimSettings {
  const nowMs = Date.parse(options.now);
  if (Number.isNaN(nowMs)) throw new RangeError(`not an instant: ${options.now}`);
  const limit = options.limit ?? DEFAULT_CLAIM_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError('limit must be a positive integer');
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  if (!(leaseMs > 0)) throw new RangeError('leaseMs must be positive');
  return {
    now: new Date(nowMs).toISOString(),
    limit,
    // The core draws no random numbers: stores that run in many processes pass their own
    // worker id (the SQL store makes one per store instance).
    workerId: options.workerId ?? 'worker',
    leaseUntil: new Date(nowMs + leaseMs).toISOString(),
  };
}

/** The event a timer sends: its own payload, stamped with its instant and the principal. */
export const timerEvent = (timer: Timer, principal: Principal) => ({
  ...timer.event,
  at: timer.fireAt,
  by: principal,
});

/**
 * The timers to keep after `fired` fired: a rule that still asks for the same timer at the
 * same instant does not get it again, so each timer takes effect once.
 */
export const withoutFired = (timers: Timer[], fired: Timer): Timer[] =>
  timers.filter((t) => !(t.id === fired.id && Date.parse(t.fireAt) === Date.parse(fired.fireAt)));

/** How a write changes a message's timers. */
export interface TimerChanges {
  /** Ids of timers to delete. */
  removed: string[];
  /** Timers to insert, or to replace when their instant or event changed. */
  upserted: Timer[];
}

/** Timer events are flat records: equal keys with identical values are the same event. */
const sameFields = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!(key in b) || a[key] !== b[key]) return false;
  return true;
};

/** The same event: field by field first, then as sorted JSON (nested or unusual payloads). */
const sameEvent = (a: Timer['event'], b: Timer['event']) =>
  sameFields(a, b) || stableStringify(a) === stableStringify(b);

const sameTimer = (a: Timer, b: Timer) =>
  (a.fireAt === b.fireAt || Date.parse(a.fireAt) === Date.parse(b.fireAt)) &&
  sameEvent(a.event, b.event);

/**
 * The difference between the timers the snapshot before a write needed and those the
 * snapshot after needs. Applying only the difference leaves unchanged timers (and their
 * claims) alone, and never brings back a timer that already fired or was refused while the
 * rules still ask for the same one. `fired` is the timer whose firing made the write: it
 * is removed unless the rules ask for it again at another instant.
 */
export function timerChanges(before: Timer[], after: Timer[], fired?: Timer): TimerChanges {
  const next = fired ? withoutFired(after, fired) : after;
  // A message needs a handful of timers at most: plain scans beat building maps and sets
  // on every write. With a repeated id, the last timer of that id counts.
  const wanted: Timer[] = [];
  for (const t of next) {
    const at = wanted.findIndex((w) => w.id === t.id);
    if (at === -1) wanted.push(t);
    else wanted[at] = t;
  }
  const isWanted = (id: string) => wanted.some((w) => w.id === id);
  const removed: string[] = [];
  const remove = (id: string) => {
    if (!isWanted(id) && !removed.includes(id)) removed.push(id);
  };
  for (const t of before) remove(t.id);
  if (fired) remove(fired.id);
  const upserted = wanted.filter((t) => {
    const old = before.findLast((b) => b.id === t.id);
    return old === undefined || !sameTimer(old, t);
  });
  return { removed, upserted };
}
