import { describe, expect, it } from 'vitest';
import {
  at,
  operatorSubmit,
  potholeSubmit,
  T0,
  toAnswerSent,
  toCoordination,
  users,
} from '../helpers.js';
import { type MakeStore, refusedWith, sendSteps, stateOf, storeOptions, written } from './setup.js';

const register = (n: number) => ({
  type: 'registration.update',
  by: users.coordinatorRoads,
  registrationNumber: `REG-${n}`,
});

export function describeWrites(makeStore: MakeStore) {
  describe('writes', () => {
    it('submit stores the message at version 1 with its history record', async () => {
      const store = await makeStore(storeOptions());
      const result = written(await store.submit(potholeSubmit()));
      expect(result.replayed).toBe(false);
      expect(result.message).toMatchObject({ id: 'm-1', version: 1, status: 'moderation' });
      expect(result.record).toMatchObject({ type: 'submit', fromStatus: null, at: T0 });
      expect(await store.get('m-1')).toEqual(result.message);
      expect(await store.history('m-1')).toEqual([{ ...result.record, version: 1 }]);
    });

    it('knows nothing of a message never submitted', async () => {
      const store = await makeStore(storeOptions());
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.history('nope')).toEqual([]);
      expect(await store.messageOutbox('nope')).toEqual([]);
      expect(await store.messageTimers('nope')).toEqual([]);
      const result = refusedWith(
        await store.send('nope', { type: 'work.take', at: T0, by: users.executorRoads }),
        'not_found',
      );
      if (!result.ok) expect(result.error).toMatchObject({ messageId: 'nope' });
    });

    it('counts a version per applied event and keeps the history in order', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const last = await sendSteps(store, 'm-1', toAnswerSent, 1);
      expect(last?.message).toMatchObject({ version: 6, status: 'answer_sent' });
      expect(await store.get('m-1')).toEqual(last?.message);
      const history = await store.history('m-1');
      expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(history.map((h) => h.type)).toEqual(['submit', ...toAnswerSent.map((s) => s.type)]);
      expect(history.map((h) => h.at)).toEqual([T0, at(1), at(2), at(3), at(4), at(5)]);
      for (const [i, h] of history.entries()) {
        if (i > 0) expect(h.fromStatus).toBe(history[i - 1]?.toStatus);
      }
      expect(history.at(-1)).toEqual({ ...last?.record, version: 6 });
    });

    it('hands out results of its own: changing one changes nothing stored', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      await sendSteps(store, 'm-1', toCoordination, 1);
      const sent = written(await store.send('m-1', { ...register(1), at: at(2) }));
      const stored = structuredClone(await store.get('m-1'));
      const history = structuredClone(await store.history('m-1'));
      // A store may hand out copies (the change lands on the copy) or frozen records (the
      // change throws a TypeError); either way the stored message stays as it was.
      const change = (edit: () => void) => {
        try {
          edit();
        } catch (error) {
          if (!(error instanceof TypeError)) throw error;
        }
      };
      change(() => {
        sent.message.snapshot.context.text = 'changed by the caller';
      });
      change(() => {
        sent.message.snapshot.context.applicant.name = 'changed by the caller';
      });
      change(() => {
        sent.effects.length = 0;
      });
      const got = await store.get('m-1');
      change(() => {
        if (got) got.snapshot.context.registrationNumber = 'changed by the caller';
      });
      const records = await store.history('m-1');
      records.pop();
      change(() => {
        if (records[0]) records[0].payload.orgId = 'changed by the caller';
      });
      const page = await store.list(users.coordinatorRoads);
      change(() => {
        if (page.items[0]) page.items[0].snapshot.context.holdingOrgId = 'changed by the caller';
      });
      expect(await store.get('m-1')).toEqual(stored);
      expect(await store.history('m-1')).toEqual(history);
      // The next event starts from the stored message, not the caller's edits.
      const next = written(await store.send('m-1', { ...register(2), at: at(3) }));
      expect(next.message.snapshot.context).toMatchObject({
        text: stored?.snapshot.context.text,
        registrationNumber: 'REG-2',
        holdingOrgId: stored?.snapshot.context.holdingOrgId,
      });
    });

    it('refuses to submit a message id twice and keeps the first', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const before = await stateOf(store, 'm-1');
      const again = refusedWith(
        await store.submit(potholeSubmit({ text: 'Другой текст', at: at(5) })),
        'already_exists',
      );
      if (!again.ok) expect(again.error).toMatchObject({ messageId: 'm-1' });
      expect(await stateOf(store, 'm-1')).toEqual(before);
    });

    it('stores nothing for a refused submit', async () => {
      const store = await makeStore(storeOptions());
      refusedWith(await store.submit(operatorSubmit({ by: users.applicant })), 'forbidden');
      refusedWith(await store.submit({ type: 'submit', at: T0 }), 'invalid_payload');
      expect(await stateOf(store, 'm-op')).toEqual({
        message: undefined,
        history: [],
        outbox: [],
        timers: [],
      });
    });

    it('changes nothing when the workflow refuses an event', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const before = await stateOf(store, 'm-1');
      const tries = [
        [{ type: 'moderation.accept', at: at(1), by: users.applicant }, 'forbidden'],
        [{ type: 'work.take', at: at(1), by: users.executorRoads }, 'not_allowed_in_status'],
        [{ type: 'moderation.reject', at: at(1), by: users.moderator }, 'invalid_payload'],
        [{ type: 'no.such.event', at: at(1), by: users.moderator }, 'invalid_payload'],
      ] as const;
      for (const [event, kind] of tries) {
        refusedWith(await store.send('m-1', event), kind);
        refusedWith(await store.send('m-1', event, { expectedVersion: 1 }), kind);
      }
      expect(await stateOf(store, 'm-1')).toEqual(before);
    });

    it('applies with the current expectedVersion and refuses a stale one', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const accept = { type: 'moderation.accept', at: at(1), by: users.moderator };
      written(await store.send('m-1', accept, { expectedVersion: 1 }));
      const before = await stateOf(store, 'm-1');
      const stale = refusedWith(
        await store.send('m-1', { ...register(1), at: at(2) }, { expectedVersion: 1 }),
        'version_conflict',
      );
      if (!stale.ok) expect(stale.error).toMatchObject({ expected: 1, actual: 2 });
      expect(await stateOf(store, 'm-1')).toEqual(before);
      const next = written(
        await store.send('m-1', { ...register(1), at: at(2) }, { expectedVersion: 2 }),
      );
      expect(next.message.version).toBe(3);
    });

    it('queues concurrent sends without expectedVersion: none is lost', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      await sendSteps(store, 'm-1', toCoordination, 1);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => store.send('m-1', { ...register(i), at: at(10 + i) })),
      );
      const versions = results.map((r) => written(r).message.version).sort((a, b) => a - b);
      expect(versions).toEqual([3, 4, 5, 6, 7, 8]);
      const history = await store.history('m-1');
      expect(history.map((h) => h.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await store.get('m-1'))?.version).toBe(8);
    });

    it('lets one of several concurrent sends with the same expectedVersion win', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      await sendSteps(store, 'm-1', toCoordination, 1);
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          store.send('m-1', { ...register(i), at: at(10 + i) }, { expectedVersion: 2 }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      for (const r of results.filter((r) => !r.ok)) refusedWith(r, 'version_conflict');
      expect((await store.get('m-1'))?.version).toBe(3);
      expect(await store.history('m-1')).toHaveLength(3);
    });
  });
}
