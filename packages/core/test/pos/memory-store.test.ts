import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/index.js';
import { at, directory, potholeSubmit, toInWork, users } from '../helpers.js';
import { describeStoreContract } from '../store-contract.js';

describeStoreContract('memory', async (options) => createMemoryStore(options));

/** Every object inside `value`, `value` included. */
function objectsIn(value: unknown, out: object[] = []): object[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    for (const inner of Object.values(value)) objectsIn(inner, out);
  }
  return out;
}

describe('memory store: stored records are frozen, not copied', () => {
  it('hands out frozen messages, history and effects, and leaves the caller’s event alone', async () => {
    const store = createMemoryStore({ directory });
    const submitted = await store.submit(potholeSubmit());
    expect(submitted.ok).toBe(true);
    for (const [i, step] of toInWork.entries()) {
      expect((await store.send('m-1', { at: at(i + 1), ...step })).ok).toBe(true);
    }
    const event = {
      type: 'answer.submit',
      at: at(10),
      by: users.executorRoads,
      answer: { type: 'resolved', text: 'Яма заделана', files: [{ name: 'акт.pdf' }] },
    };
    const sent = await store.send('m-1', event);
    if (!sent.ok) expect.fail(sent.error.message);

    const handedOut = [
      sent,
      await store.get('m-1'),
      await store.history('m-1'),
      await store.list(users.coordinatorRoads),
    ];
    const objects = handedOut.flatMap((value) => objectsIn(value));
    // The arrays a read builds for its caller (history, a page's items) are theirs to keep;
    // every record inside them is frozen.
    const own = new Set<unknown>([
      handedOut[2],
      handedOut[3],
      (handedOut[3] as { items: unknown }).items,
    ]);
    const thawed = objects.filter((o) => !own.has(o) && !Object.isFrozen(o));
    expect(thawed).toEqual([]);
    expect(sent.message.snapshot.context.answer?.files).toEqual([{ name: 'акт.pdf' }]);
    expect(sent.effects.length).toBeGreaterThan(0);

    // What the caller sent is not the store's to freeze, nor is the directory.
    expect(objectsIn(event).filter((o) => Object.isFrozen(o))).toEqual([]);
    const world = [directory.organisations, directory.users, directory.catalogue];
    expect(world.flatMap((value) => objectsIn(value)).filter((o) => Object.isFrozen(o))).toEqual(
      [],
    );
  });
});
