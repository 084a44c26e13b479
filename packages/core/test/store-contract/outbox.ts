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
          dueAt: T0,
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
      expect(await store.completeOutbox(entry)).toBe(true);
      expect(await store.completeOutbox(entry)).toBe(false);
      expect(await store.failOutbox(entry, 'late', at(5))).toBe(false);
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

      expect(await store.failOutbox(one, 'smtp 451', at(30))).toBe(true);
      expect(await store.failOutbox(two, 'no address', null)).toBe(true);
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

    it('settles an entry only under its current claim: a stale one changes nothing', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(operatorSubmit()));
      const lease = { leaseMs: minutes(1) };
      const [late] = await store.claimOutbox({ now: at(0), workerId: 'a', ...lease });
      // a's lease ends; b claims the entry again and delivers it.
      const [holder] = await store.claimOutbox({ now: at(2), workerId: 'b', ...lease });
      if (!late || !holder) return expect.fail('the entry, claimed twice');
      expect(holder).toMatchObject({ id: late.id, attempts: 2, lockedBy: 'b' });
      expect(await store.failOutbox(late, 'timed out', null)).toBe(false);
      expect(await store.completeOutbox(late)).toBe(false);
      expect(await store.messageOutbox('m-op')).toMatchObject([
        { state: 'pending', attempts: 2, lockedBy: 'b', lastError: null },
      ]);
      // A late failure with a retry time does not hand the entry to a third consumer.
      expect(await store.failOutbox(late, 'timed out', at(2))).toBe(false);
      expect(await store.claimOutbox({ now: at(2.5), workerId: 'c', ...lease })).toEqual([]);
      expect(await store.completeOutbox(holder)).toBe(true);
      expect(await store.failOutbox(late, 'timed out', at(3))).toBe(false);
      expect(await store.messageOutbox('m-op')).toMatchObject([
        { state: 'done', attempts: 2, lockedBy: 'b', lastError: null },
      ]);
      // The same consumer's id with an old attempt is stale too; so is a claim never held.
      written(await store.submit(operatorSubmit({ messageId: 'm-op2' })));
      const [first] = await store.claimOutbox({ now: at(4), workerId: 'a', ...lease });
      const [second] = await store.claimOutbox({ now: at(6), workerId: 'a', ...lease });
      if (!first || !second) return expect.fail('the second entry, claimed twice');
      expect(await store.completeOutbox({ ...first, lockedBy: null })).toBe(false);
      expect(await store.completeOutbox(first)).toBe(false);
      expect(await store.completeOutbox(second)).toBe(true);
    });

    it('settles an entry whose lease ended while nobody took it over', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(operatorSubmit()));
      const [entry] = await store.claimOutbox({ now: at(0), workerId: 'a', leaseMs: 1000 });
      if (!entry) return expect.fail('one entry');
      expect(await store.failOutbox(entry, 'smtp 451', at(30))).toBe(true);
      expect(await store.messageOutbox('m-op')).toMatchObject([
        { dueAt: at(30), availableAt: at(30), lockedBy: null, lastError: 'smtp 451' },
      ]);
    });

    it('offers an entry whose claim expired again in its place, not behind later ones', async () => {
      const store = await makeStore(storeOptions());
      for (const [i, id] of ['m-op', 'm-op2', 'm-op3'].entries()) {
        written(await store.submit(operatorSubmit({ messageId: id, at: at(i) })));
      }
      const lease = { leaseMs: minutes(10) };
      const [dead] = await store.claimOutbox({ now: at(0), limit: 1, workerId: 'a', ...lease });
      expect(dead).toMatchObject({ messageId: 'm-op', dueAt: T0, availableAt: at(10) });
      // a died; by minute 11 its lease is over, and m-op comes first again.
      const next = await store.claimOutbox({ now: at(11), limit: 2, workerId: 'b', ...lease });
      expect(next.map((e) => [e.messageId, e.attempts, e.dueAt])).toEqual([
        ['m-op', 2, T0],
        ['m-op2', 1, at(1)],
      ]);
      // A retry takes its place by its retry time.
      const [first, second] = next;
      if (!first || !second) return expect.fail('two entries');
      expect(await store.failOutbox(first, 'smtp 451', at(12))).toBe(true);
      expect(await store.failOutbox(second, 'smtp 451', at(11.5))).toBe(true);
      const last = await store.claimOutbox({ now: at(13), workerId: 'c', ...lease });
      expect(last.map((e) => e.messageId)).toEqual(['m-op3', 'm-op2', 'm-op']);
    });

    it("releases a stopping consumer's claims: claimable at once, in their place", async () => {
      const store = await makeStore(storeOptions());
      for (const [i, id] of ['m-op', 'm-op2', 'm-op3'].entries()) {
        written(await store.submit(operatorSubmit({ messageId: id, at: at(i) })));
      }
      const lease = { leaseMs: minutes(10) };
      const held = await store.claimOutbox({ now: at(2), limit: 2, workerId: 'a', ...lease });
      const [done] = await store.claimOutbox({ now: at(2), workerId: 'b', ...lease });
      if (!done) return expect.fail('the third entry');
      expect(await store.completeOutbox(done)).toBe(true);
      expect(await store.releaseClaims('a')).toEqual({ timers: 0, outbox: 2 });
      expect(await store.releaseClaims('a')).toEqual({ timers: 0, outbox: 0 });
      expect(await store.messageOutbox('m-op')).toMatchObject([
        { lockedBy: null, availableAt: T0, attempts: 1 },
      ]);
      // The released claims are stale; the done entry stays done.
      for (const entry of held) expect(await store.completeOutbox(entry)).toBe(false);
      const again = await store.claimOutbox({ now: at(3), workerId: 'c', ...lease });
      expect(again.map((e) => [e.messageId, e.attempts])).toEqual([
        ['m-op', 2],
        ['m-op2', 2],
      ]);
      expect(await store.messageOutbox('m-op3')).toMatchObject([{ state: 'done' }]);
    });
  });
}
