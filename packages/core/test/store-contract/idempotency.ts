import { describe, expect, it } from 'vitest';
import { at, potholeSubmit, users } from '../helpers.js';
import { type MakeStore, refusedWith, stateOf, storeOptions, written } from './setup.js';

const accept = (minute: number) => ({
  type: 'moderation.accept',
  at: at(minute),
  by: users.moderator,
});

export function describeIdempotency(makeStore: MakeStore) {
  describe('idempotency keys', () => {
    it('replay a submit instead of refusing it as a duplicate', async () => {
      const store = await makeStore(storeOptions());
      const first = written(await store.submit(potholeSubmit(), { idempotencyKey: 'k-1' }));
      // A retried request is stamped anew: the instant does not make it different.
      const again = written(
        await store.submit(potholeSubmit({ at: at(3) }), { idempotencyKey: 'k-1' }),
      );
      expect(again).toEqual({ ...first, replayed: true });
      expect(await store.history('m-1')).toHaveLength(1);
    });

    it('replay the first result of a send, even after later events', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const first = written(await store.send('m-1', accept(1), { idempotencyKey: 'k-1' }));
      const afterFirst = await stateOf(store, 'm-1');
      const again = written(await store.send('m-1', accept(2), { idempotencyKey: 'k-1' }));
      expect(again).toEqual({ ...first, replayed: true });
      expect(await stateOf(store, 'm-1')).toEqual(afterFirst);

      written(
        await store.send('m-1', {
          type: 'registration.update',
          at: at(3),
          by: users.coordinatorRoads,
          registrationNumber: 'REG-1',
        }),
      );
      const later = written(await store.send('m-1', accept(4), { idempotencyKey: 'k-1' }));
      expect(later.message.version).toBe(2);
      expect(later.replayed).toBe(true);
      expect((await store.get('m-1'))?.version).toBe(3);
    });

    it('refuse a key reused for a different request and change nothing', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      written(await store.send('m-1', accept(1), { idempotencyKey: 'k-1' }));
      const before = await stateOf(store, 'm-1');
      const reused = refusedWith(
        await store.send(
          'm-1',
          {
            type: 'registration.update',
            at: at(2),
            by: users.moderator,
            registrationNumber: 'REG-1',
          },
          { idempotencyKey: 'k-1' },
        ),
        'idempotency_conflict',
      );
      if (!reused.ok) expect(reused.error).toMatchObject({ key: 'k-1' });
      refusedWith(
        await store.submit(potholeSubmit({ by: users.moderator, messageId: 'm-2' }), {
          idempotencyKey: 'k-1',
        }),
        'idempotency_conflict',
      );
      expect(await stateOf(store, 'm-1')).toEqual(before);
      expect(await store.get('m-2')).toBeUndefined();
    });

    it('scope keys by principal', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit(), { idempotencyKey: 'same' }));
      const other = written(
        await store.submit(
          potholeSubmit({ by: users.applicant2, messageId: 'm-2', number: '41-000002' }),
          { idempotencyKey: 'same' },
        ),
      );
      expect(other.replayed).toBe(false);
      expect(other.message.id).toBe('m-2');
    });

    it('do not remember a refused request', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      written(await store.send('m-1', accept(1)));
      const assign = (executorId: string) => ({
        type: 'executor.assign',
        at: at(2),
        by: users.coordinatorRoads,
        executorId,
      });
      refusedWith(
        await store.send('m-1', assign('nobody'), { idempotencyKey: 'k-2' }),
        'invalid_payload',
      );
      refusedWith(
        await store.send('m-1', assign('nobody'), { idempotencyKey: 'k-2' }),
        'invalid_payload',
      );
      const ok = written(
        await store.send('m-1', assign(users.executorRoads.id), { idempotencyKey: 'k-2' }),
      );
      expect(ok).toMatchObject({ replayed: false, message: { version: 3 } });
    });
  });
}
