import { describe, expect, it } from 'vitest';
import { at, operatorSubmit, potholeSubmit, T0, users } from '../helpers.js';
import { type MakeStore, sendSteps, storeOptions, written } from './setup.js';

const minutes = (n: number) => n * 60_000;

export function describeOutbox(makeStore: MakeStore) {
  describe('outbox', () => {
    it('holds the effects of each write, with the version that produced them', async () => {
      const store = await makeStore(storeOptions());
      const created = written(await store.submit(operatorSubmit()));
      expect(created.effects).toHaveLength(1);
      written(await store.submit(potholeSubmit()));
      expect(await store.messageOutbox('m-1')).toEqual([]);
      await sendSteps(store, 'm-1', [{ type: 'moderation.accept', by: users.moderator }], 1);

      const op = await store.messageOutbox('m-op');
      expect(op).toEqual([
        {
          id: expect.any(String),
          workflow: 'pos',
          messageId: 'm-op',
          version: 1,
          effect: created.effects[0],
          state: 'pending',
          attempts: 0,
          availableAt: T0,
          lockedBy: null,
          lastError: null,
        },
      ]);
      const m1 = await store.messageOutbox('m-1');
      expect(m1).toMatchObject([
        {
          version: 2,
          effect: { reason: 'message_received', messageId: 'm-1' },
          availableAt: at(1),
        },
      ]);
    });

    it('claims pending entries oldest first, with attempts and a lease', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(operatorSubmit()));
      written(await store.submit(operatorSubmit({ messageId: 'm-op2', at: at(1) })));
      written(await store.submit(operatorSubmit({ messageId: 'm-op3', at: at(2) })));

      expect(await store.claimOutbox({ now: at(-1), workerId: 'a' })).toEqual([]);
      const lease = { leaseMs: minutes(10) };
      const first = await store.claimOutbox({ now: at(1), limit: 5, workerId: 'a', ...lease });
      expect(first.map((e) => e.messageId)).toEqual(['m-op', 'm-op2']);
      expect(first[0]).toMatchObject({ attempts: 1, lockedBy: 'a', state: 'pending' });
      expect(
        await store.claimOutbox({ now: at(2), limit: 5, workerId: 'b', ...lease }),
      ).toMatchObject([{ messageId: 'm-op3', attempts: 1, lockedBy: 'b' }]);
      // Claimed entries stay hidden until their lease ends …
      expect(await store.claimOutbox({ now: at(10.9), workerId: 'c' })).toEqual([]);
      // … and then another consumer gets them again: at-least-once.
      const again = await store.claimOutbox({ now: at(11), workerId: 'c' });
      expect(again.map((e) => [e.messageId, e.attempts, e.lockedBy])).toEqual([
        ['m-op', 2, 'c'],
        ['m-op2', 2, 'c'],
      ]);
    });

    it('keeps delivered entries delivered', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(operatorSubmit()));
      const [entry] = await store.claimOutbox({ now: at(0), workerId: 'a' });
      expect(entry).toBeDefined();
      if (!entry) return;
      expect(await store.completeOutbox(entry.id)).toBe(true);
      expect(await store.completeOutbox(entry.id)).toBe(false);
      expect(await store.failOutbox(entry.id, 'late', at(5))).toBe(false);
      expect(await store.claimOutbox({ now: at(10_000), workerId: 'b' })).toEqual([]);
      expect(await store.messageOutbox('m-op')).toMatchObject([{ state: 'done', attempts: 1 }]);
    });

    it('retries a failed entry from its retry time, or gives it up', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(operatorSubmit()));
      written(await store.submit(operatorSubmit({ messageId: 'm-op2' })));
      const claimed = await store.claimOutbox({ now: at(0), workerId: 'a' });
      const [one, two] = claimed;
      if (!one || !two) return expect.fail('two entries expected');

      expect(await store.failOutbox(one.id, 'smtp 451', at(30))).toBe(true);
      expect(await store.failOutbox(two.id, 'no address', null)).toBe(true);
      expect(await store.claimOutbox({ now: at(29), workerId: 'b' })).toEqual([]);
      expect(await store.claimOutbox({ now: at(30), workerId: 'b' })).toMatchObject([
        { id: one.id, attempts: 2, lastError: 'smtp 451', lockedBy: 'b' },
      ]);
      expect(await store.messageOutbox('m-op2')).toMatchObject([
        { state: 'failed', attempts: 1, lastError: 'no address' },
      ]);
      expect(await store.claimOutbox({ now: at(10_000), workerId: 'c' })).toMatchObject([
        { id: one.id, attempts: 3 },
      ]);
    });
  });
}
