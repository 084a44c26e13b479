import { afterEach, describe } from 'vitest';
import type { MessageStore } from '../src/index.js';
import { describeAutorules } from './store-contract/autorules.js';
import { describeCorrection } from './store-contract/correction.js';
import { describeFolderCountWalks } from './store-contract/folder-count-walks.js';
import { describeIdempotency } from './store-contract/idempotency.js';
import { describeIndicators } from './store-contract/indicators.js';
import { describeLists } from './store-contract/lists.js';
import { describeNumbers } from './store-contract/numbers.js';
import { describeOutbox } from './store-contract/outbox.js';
import { describeRatedLists } from './store-contract/rated-lists.js';
import type { MakeStore } from './store-contract/setup.js';
import { describeTimers } from './store-contract/timers.js';
import { describeWrites } from './store-contract/writes.js';

export type { MakeStore } from './store-contract/setup.js';

/**
 * The persistence port's contract: one suite that every store passes (better-auth's
 * adapter test suite, kysely's loop over dialects). `makeStore` returns a store over an
 * empty database each time it is called; the suite closes every store it made.
 *
 * @example
 * describeStoreContract('memory', async (options) => createMemoryStore(options));
 */
export function describeStoreContract(name: string, makeStore: MakeStore): void {
  describe(`store contract: ${name}`, () => {
    const open: MessageStore[] = [];
    const fresh: MakeStore = async (options) => {
      const store = await makeStore(options);
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });

    describeWrites(fresh);
    describeCorrection(fresh);
    describeAutorules(fresh);
    describeIdempotency(fresh);
    describeNumbers(fresh);
    describeOutbox(fresh);
    describeTimers(fresh);
    describeLists(makeStore);
    describeFolderCountWalks(makeStore);
    describeRatedLists(makeStore);
    describeIndicators(makeStore);
  });
}
