import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FolderCounts,
  folderLabels,
  folderOf,
  type MessageStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '../../src/index.js';
import { directory, users } from '../helpers.js';
import { livesArbitrary, type PlayedLife } from './indicator-walks.js';
import { type MakeStore, storeOptions } from './setup.js';

/** Who is counted: the platform-wide scopes, a region, an organisation, one person. */
const viewers: Array<[string, Principal]> = [
  ['the system', SYSTEM_PRINCIPAL],
  ['a platform-wide moderator', { id: 'mod-all', roles: [{ role: 'moderator' }] }],
  ['an operator', users.operator],
  ["a region's moderator", users.moderator],
  ["a region's coordinator", users.coordinatorGov],
  ['an executor', users.executorRoads],
  ['an applicant', users.applicant],
];

/** The viewer's folder counts recounted from every page of their list. */
export async function recount(store: MessageStore, viewer: Principal): Promise<FolderCounts> {
  const counts = Object.fromEntries(Object.keys(folderLabels).map((f) => [f, 0])) as FolderCounts;
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await store.list(viewer, { limit: 200, ...(cursor ? { cursor } : {}) });
    for (const m of result.items) counts[folderOf(m.status, m.snapshot.context)] += 1;
    if (result.nextCursor === null) return counts;
    cursor = result.nextCursor;
  }
  throw new Error('too many pages');
}

/**
 * Sends the lives' events interleaved (the first event of each life, then the second…), and
 * after each round checks every viewer's folder counts against a recount of their list.
 * Adds to `folders` those that held a message at some check, for the caller to assert that
 * the walk moved messages between folders.
 */
async function playAndCheck(
  store: MessageStore,
  lives: readonly PlayedLife[],
  folders: Set<string>,
) {
  const ids = new Map<string, string>();
  const longest = Math.max(0, ...lives.map((l) => l.events.length));
  for (let step = 0; step < longest; step++) {
    for (const life of lives) {
      const event = life.events[step];
      if (!event) continue;
      const id = ids.get(life.messageId);
      const result = id === undefined ? await store.submit(event) : await store.send(id, event);
      if (!result.ok) throw new Error(`${event.type} refused: ${result.error.message}`);
      ids.set(life.messageId, result.message.id);
    }
    for (const [name, viewer] of viewers) {
      const counts = await store.folderCounts(viewer);
      expect(counts, `${name} after round ${step + 1}`).toEqual(await recount(store, viewer));
      if (viewer === SYSTEM_PRINCIPAL) {
        for (const [folder, n] of Object.entries(counts)) if (n > 0) folders.add(folder);
      }
    }
  }
}

/**
 * Folder counts equal a recount of the viewer's list after every round of a random sequence
 * of writes: the SQL store keeps them in `folder_counts` and, for the platform-wide scopes,
 * in `folder_rollups`; every write changes both in its own statement.
 */
export function describeFolderCountWalks(makeStore: MakeStore) {
  describe('folder counts on random lives', () => {
    let store: MessageStore;
    beforeAll(async () => {
      store = await makeStore(storeOptions());
    });
    afterAll(() => store?.close());

    it('equal a recount of every viewer’s list after each round of writes', async () => {
      const folders = new Set<string>();
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          livesArbitrary(directory, { maxMessages: 6, maxSteps: 14 }),
          async (lives) => {
            // Each run takes the next message ids, so the runs add up in one database.
            runs += 1;
            const renamed = lives.map((life) => ({
              messageId: `${life.messageId}-r${runs}`,
              events: life.events.map((e, i) =>
                i === 0 ? { ...e, messageId: `${life.messageId}-r${runs}` } : e,
              ),
            }));
            await playAndCheck(store, renamed, folders);
          },
        ),
        { numRuns: 6, seed: 23 },
      );
      expect(folders.size).toBeGreaterThanOrEqual(4);
    }, 120_000);
  });
}
