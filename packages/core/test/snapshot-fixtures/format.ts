import type { DirectoryInput, Principal } from '@reshaem/core';

/** The two workflows whose snapshots are kept. */
export type FixtureWorkflow = 'pos' | 'onf';

/** A persisted snapshot, exactly as the stores write it (plain JSON). */
export interface PersistedSnapshot {
  value: unknown;
  context: Record<string, unknown>;
}

/** One event to replay on a fixture snapshot: the sender's handle, the instant, the payload. */
export interface FixtureEvent {
  by: string;
  type: string;
  at: string;
  payload: Record<string, unknown>;
}

/**
 * What applying an event gave. An accepted event keeps the resulting status and short
 * sha256 digests of the canonical JSON of the snapshot, the effects and the history record;
 * a refusal keeps the typed error without its human-readable `message`.
 */
export type ReplayResult =
  | { ok: true; status: string; snapshot: string; effects: string; record: string }
  | { ok: false; error: Record<string, unknown> };

export interface Replay {
  event: FixtureEvent;
  result: ReplayResult;
}

/** One snapshot of the release and what every demo user could do with it. */
export interface SnapshotFixture {
  id: string;
  status: string;
  /** The instant the available events were asked at and the replayed events were sent. */
  now: string;
  snapshot: PersistedSnapshot;
  /** ОНФ only: the cards each user holds the lock of (what a store passes as facts). */
  heldCardIds?: Record<string, string[]>;
  /** Every user's (and the system's) sorted event types, keyed by handle. */
  available: Record<string, string[]>;
  replays: Replay[];
}

/** A fixture file: one workflow, the world it was generated in, its snapshots. */
export interface FixtureFile {
  format: 1;
  workflow: FixtureWorkflow;
  /** The fixture folder: `v1` is the release before workflow definitions had versions. */
  release: string;
  /** The demo world of that release, so later changes to the demo world change nothing here. */
  directory: DirectoryInput;
  /** The senders by handle: the demo users and `system`. */
  users: Record<string, Principal>;
  fixtures: SnapshotFixture[];
}
