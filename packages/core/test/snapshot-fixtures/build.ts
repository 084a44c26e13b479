import {
  type CaseEventType,
  type CaseSnapshot,
  caseStatusOf,
  caseTimersOf,
  type DirectoryInput,
  lockableCaseStatuses,
  type MessageEventType,
  type MessageSnapshot,
  type Principal,
  SYSTEM_PRINCIPAL,
  timersOf,
} from '@reshaem/core';
import {
  createDemoDirectory,
  createOnfDemoDirectory,
  demoDirectoryInput,
  demoUsers,
  onfDemoDirectoryInput,
  onfDemoUsers,
  plausibleCasePayload,
  plausiblePayload,
} from '@reshaem/core/testing';
import { type Candidate, selectVaried } from './candidate.js';
import { canonicalJson, persisted } from './canonical.js';
import { exploreOnf } from './explore-onf.js';
import { explorePos } from './explore-pos.js';
import type {
  FixtureEvent,
  FixtureFile,
  FixtureWorkflow,
  PersistedSnapshot,
  Replay,
  SnapshotFixture,
} from './format.js';
import { createObserver } from './observe.js';

/** The folder these fixtures go to: the release before definitions had versions. */
export const RELEASE = 'v1';

/** Payload variants replayed for the first user who may send each event type. */
const variantsOf = (type: string): number[] =>
  type === 'case.close_request' ? [...Array(14).keys()] : [0, 1, 2, 3];

/** A user busy with a card elsewhere, so that ОНФ fixtures show the one-card rule. */
const BUSY = { handle: 'executorNko75', cardId: 'c-busy-elsewhere' };

interface World {
  workflow: FixtureWorkflow;
  directoryInput: DirectoryInput;
  users: Record<string, Principal>;
  explore(): Candidate[];
  heldCardIds(snapshot: PersistedSnapshot): Record<string, string[]>;
  /**
   * The same snapshot with its assignee busy with a card elsewhere, where that matters (a
   * free ОНФ card they could take); `null` elsewhere.
   */
  busyAssignee(snapshot: PersistedSnapshot): Record<string, string[]> | null;
  /** Events worth replaying whether offered or not: a busy user taking this card. */
  extraEvents(held: Record<string, string[]>): Array<{ by: string; type: string }>;
  /** The event `handle` would send: a timer's own event when one is due, else a plausible one. */
  eventOf(
    snapshot: PersistedSnapshot,
    handle: string,
    type: string,
    now: string,
    pick: number,
  ): FixtureEvent;
}

const later = (a: string, b: string) => (b > a ? b : a);

function posWorld(): World {
  const directory = createDemoDirectory();
  return {
    workflow: 'pos',
    directoryInput: demoDirectoryInput,
    users: { ...demoUsers, system: SYSTEM_PRINCIPAL },
    explore: () => explorePos(),
    heldCardIds: () => ({}),
    busyAssignee: () => null,
    extraEvents: () => [],
    eventOf(snapshot, by, type, now, pick) {
      const message = snapshot as MessageSnapshot;
      const timer = timersOf(message).find((t) => t.event.type === type);
      if (timer) {
        const { type: _type, ...payload } = timer.event;
        return { by, type, at: later(now, timer.fireAt), payload };
      }
      const payload = plausiblePayload(type as MessageEventType, message, directory, pick);
      return { by, type, at: now, payload: persisted(payload) };
    },
  };
}

function onfWorld(): World {
  const directory = createOnfDemoDirectory();
  const users: Record<string, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };
  return {
    workflow: 'onf',
    directoryInput: onfDemoDirectoryInput,
    users,
    explore: () => exploreOnf(4000, 14),
    heldCardIds(snapshot) {
      const card = (snapshot as CaseSnapshot).context;
      const held: Record<string, string[]> = {};
      const holder = Object.keys(users).find((h) => users[h]?.id === card.lock?.holderId);
      if (holder) held[holder] = [card.id];
      if (holder !== BUSY.handle) held[BUSY.handle] = [BUSY.cardId];
      return held;
    },
    busyAssignee(snapshot) {
      const card = snapshot as CaseSnapshot;
      const { executorId, lock } = card.context;
      const assignee = Object.keys(users).find((h) => users[h]?.id === executorId);
      const free = lockableCaseStatuses.includes(caseStatusOf(card)) && lock === null;
      if (!free || !assignee) return null;
      return { ...this.heldCardIds(snapshot), [assignee]: [BUSY.cardId] };
    },
    extraEvents: (held) =>
      Object.keys(held)
        .filter((by) => held[by]?.includes(BUSY.cardId))
        .map((by) => ({ by, type: 'case.lock' })),
    eventOf(snapshot, by, type, now, pick) {
      const card = snapshot as CaseSnapshot;
      const timer = caseTimersOf(card).find((t) => t.event.type === type);
      if (timer) {
        const { type: _type, ...payload } = timer.event;
        return { by, type, at: later(now, timer.fireAt), payload };
      }
      const payload = plausibleCasePayload(type as CaseEventType, card, directory, now, pick);
      return { by, type, at: now, payload: persisted(payload) };
    },
  };
}

function fixtureOf(
  world: World,
  candidate: Candidate,
  id: string,
  held = world.heldCardIds(candidate.snapshot),
): SnapshotFixture {
  const observer = createObserver(
    world.workflow,
    world.workflow === 'pos' ? createDemoDirectory() : createOnfDemoDirectory(),
    world.users,
  );
  const { snapshot, now } = candidate;
  const handles = Object.keys(world.users);
  const available: Record<string, string[]> = {};
  for (const h of handles) available[h] = observer.available(snapshot, h, held[h] ?? []);
  const events: FixtureEvent[] = [];
  const seen = new Set<string>();
  const add = (event: FixtureEvent) => {
    const key = canonicalJson(event);
    if (seen.has(key)) return;
    seen.add(key);
    events.push(event);
  };
  const offered = new Set<string>();
  for (const h of handles) {
    for (const type of available[h] ?? []) {
      const picks = offered.has(type) ? [0] : variantsOf(type);
      offered.add(type);
      for (const pick of picks) add(world.eventOf(snapshot, h, type, now, pick));
    }
  }
  // The refusal side of the permissions: each offered event, sent by the first user who
  // is not offered it.
  for (const type of [...offered].sort()) {
    const outsider = handles.find((h) => !(available[h] ?? []).includes(type));
    if (outsider) add(world.eventOf(snapshot, outsider, type, now, 0));
  }
  for (const { by, type } of world.extraEvents(held)) {
    add(world.eventOf(snapshot, by, type, now, 0));
  }
  const replays: Replay[] = events.map((event) => ({
    event,
    result: observer.replay(snapshot, event, held[event.by] ?? []),
  }));
  return {
    id,
    status: candidate.status,
    now,
    snapshot,
    ...(world.workflow === 'onf' ? { heldCardIds: held } : {}),
    available,
    replays,
  };
}

/** Explores one workflow, chooses varied snapshots of every status, and records them. */
export function buildFixtureFile(workflow: FixtureWorkflow): FixtureFile {
  const world = workflow === 'pos' ? posWorld() : onfWorld();
  const counters = new Map<string, number>();
  const fixtures = selectVaried(world.explore()).flatMap((candidate) => {
    const n = (counters.get(candidate.status) ?? 0) + 1;
    counters.set(candidate.status, n);
    const id = `${workflow}:${candidate.status}:${n}`;
    const busy = world.busyAssignee(candidate.snapshot);
    const plain = fixtureOf(world, candidate, id);
    return busy ? [plain, fixtureOf(world, candidate, `${id}:busy`, busy)] : [plain];
  });
  return {
    format: 1,
    workflow,
    release: RELEASE,
    directory: persisted(world.directoryInput),
    users: persisted(world.users),
    fixtures,
  };
}

/** The file's text: two-space JSON and a final newline. */
export const fixtureText = (file: FixtureFile): string => `${JSON.stringify(file, null, 2)}\n`;
