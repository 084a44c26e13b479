import {
  applyCaseEvent,
  applyEvent,
  availableCaseEvents,
  availableEvents,
  type CaseSnapshot,
  createDirectory,
  type Directory,
  type MessageSnapshot,
  type Principal,
} from '@reshaem/core';
import { digestOf } from './canonical.js';
import type {
  FixtureEvent,
  FixtureFile,
  FixtureWorkflow,
  PersistedSnapshot,
  ReplayResult,
} from './format.js';

/** What the current release says about a persisted snapshot, whichever the workflow. */
export interface Observer {
  users: Record<string, Principal>;
  /** Sorted event types `handle` may send on the snapshot now. */
  available(snapshot: PersistedSnapshot, handle: string, held: string[]): string[];
  /** The result of applying the event, reduced to what a fixture keeps. */
  replay(snapshot: PersistedSnapshot, event: FixtureEvent, held: string[]): ReplayResult;
}

type Outcome =
  | { ok: true; status: string; snapshot: unknown; effects: unknown; record: unknown }
  | { ok: false; error: { message: string } & Record<string, unknown> };

/** Turns a result snapshot back into the form a fixture's release wrote (see the test). */
export type SnapshotNormaliser = (snapshot: unknown) => unknown;
const asIs: SnapshotNormaliser = (snapshot) => snapshot;

function reduce(result: Outcome, normalise: SnapshotNormaliser): ReplayResult {
  if (!result.ok) {
    // The message is prose for people; the kind and the structured fields are the contract.
    // `subject` (the message or card a refusal names, added after the v1 fixtures) only
    // repeats what the snapshot holds, so it is left out too.
    const { message: _message, subject: _subject, ...error } = result.error;
    return withoutIssueProse({ ok: false, error });
  }
  return {
    ok: true,
    status: result.status,
    snapshot: digestOf(normalise(result.snapshot)),
    effects: digestOf(result.effects),
    record: digestOf(result.record),
  };
}

/**
 * A replay result with its payload issues reduced to their paths: an issue's message is
 * prose for people (the v1 fixtures recorded it in English, the core now words it in
 * Russian); where the issue sits is the contract.
 */
export function withoutIssueProse<T>(result: T): T {
  const error = (result as { error?: { issues?: unknown } }).error;
  if (!error || !Array.isArray(error.issues)) return result;
  const issues = (error.issues as { path: unknown }[]).map(({ path }) => ({ path }));
  return { ...result, error: { ...error, issues } };
}

const sorted = (types: readonly string[]): string[] => [...types].sort();

function userOf(users: Record<string, Principal>, handle: string): Principal {
  const user = users[handle];
  if (!user) throw new Error(`no user ${handle} in the fixture file`);
  return user;
}

/** An observer over the directory and users a fixture file was generated with. */
export function observerFor(
  file: Pick<FixtureFile, 'workflow' | 'directory' | 'users'>,
  normalise: SnapshotNormaliser = asIs,
): Observer {
  return createObserver(file.workflow, createDirectory(file.directory), file.users, normalise);
}

export function createObserver(
  workflow: FixtureWorkflow,
  directory: Directory,
  users: Record<string, Principal>,
  normalise: SnapshotNormaliser = asIs,
): Observer {
  const eventOf = (e: FixtureEvent) => ({
    ...e.payload,
    type: e.type,
    at: e.at,
    by: userOf(users, e.by),
  });
  if (workflow === 'pos') {
    return {
      users,
      available: (snapshot, handle) =>
        sorted(availableEvents(snapshot as MessageSnapshot, userOf(users, handle), directory)),
      replay: (snapshot, event) =>
        reduce(applyEvent(snapshot as MessageSnapshot, eventOf(event), directory), normalise),
    };
  }
  return {
    users,
    available: (snapshot, handle, held) =>
      sorted(
        availableCaseEvents(snapshot as CaseSnapshot, userOf(users, handle), directory, {
          heldCardIds: held,
        }),
      ),
    replay: (snapshot, event, held) =>
      reduce(
        applyCaseEvent(snapshot as CaseSnapshot, eventOf(event), directory, { heldCardIds: held }),
        normalise,
      ),
  };
}
