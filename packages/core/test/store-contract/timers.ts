import { describe, expect, it } from 'vitest';
import {
  type MessageSnapshot,
  type Principal,
  SYSTEM_PRINCIPAL,
  statusOf,
  type Timer,
} from '../../src/index.js';
import { at, potholeSubmit, users } from '../helpers.js';
import { type MakeStore, sendSteps, stateOf, storeOptions, written } from './setup.js';

const plusMinutes = (instant: string, n: number) =>
  new Date(Date.parse(instant) + n * 60_000).toISOString();

/**
 * A test timer rule: a message left unregistered in coordination is registered by the
 * system an hour after its last change. Firing it changes the snapshot so that the rule no
 * longer asks for it, and a second firing would show as a second history record.
 */
export const registerTimers = (snapshot: MessageSnapshot): Timer[] => {
  const m = snapshot.context;
  if (statusOf(snapshot) !== 'coordination' || m.registrationNumber !== null) return [];
  return [
    {
      id: `${m.id}:register`,
      messageId: m.id,
      fireAt: plusMinutes(m.updatedAt, 60),
      event: { type: 'registration.update', registrationNumber: `AUTO-${m.number}` },
    },
  ];
};

/** The system account with the coordinator roles the test rule's event needs. */
export const registrar: Principal = {
  ...SYSTEM_PRINCIPAL,
  roles: [
    { role: 'system' },
    { role: 'coordinator', orgId: 'kam-roads' },
    { role: 'coordinator', orgId: 'uly-roads' },
  ],
};

const timerOptions = () => storeOptions({ timersOf: registerTimers, timerPrincipal: registrar });
const accept = { type: 'moderation.accept', by: users.moderator };

async function acceptedMessage(makeStore: MakeStore, ...ids: string[]) {
  const store = await makeStore(timerOptions());
  for (const [i, id] of ids.entries()) {
    written(await store.submit(potholeSubmit({ messageId: id, number: `41-${id}` })));
    await sendSteps(store, id, [accept], 10 * i + 1);
  }
  return store;
}

export function describeTimers(makeStore: MakeStore) {
  describe('timers', () => {
    it('keeps exactly the timers the latest snapshot needs', async () => {
      const store = await makeStore(timerOptions());
      written(await store.submit(potholeSubmit()));
      expect(await store.messageTimers('m-1')).toEqual([]);
      await sendSteps(store, 'm-1', [accept], 1);
      expect(await store.messageTimers('m-1')).toEqual([
        {
          id: 'm-1:register',
          messageId: 'm-1',
          fireAt: at(61),
          event: { type: 'registration.update', registrationNumber: 'AUTO-41-000001' },
          attempts: 0,
          lockedBy: null,
          availableAt: at(61),
        },
      ]);
      const touch = {
        type: 'registration.update',
        by: users.coordinatorRoads,
        registeredAt: at(0),
      };
      await sendSteps(store, 'm-1', [touch], 5);
      expect(await store.messageTimers('m-1')).toMatchObject([{ fireAt: at(65) }]);
      await sendSteps(store, 'm-1', [{ ...touch, registrationNumber: 'R-7' }], 6);
      expect(await store.messageTimers('m-1')).toEqual([]);
    });

    it('fires a due timer once, as the timer principal at the timer instant', async () => {
      const store = await acceptedMessage(makeStore, 'm-1');
      expect(await store.runDueTimers({ now: at(60), workerId: 'w' })).toEqual({
        claimed: 0,
        fired: [],
        refused: [],
        firedCases: [],
        refusedCases: [],
        skipped: 0,
      });
      const run = await store.runDueTimers({ now: at(61), workerId: 'w' });
      expect(run).toMatchObject({ claimed: 1, refused: [], skipped: 0 });
      expect(run.fired.map((f) => [f.timer.id, f.message.version])).toEqual([['m-1:register', 3]]);
      const last = (await store.history('m-1')).at(-1);
      expect(last).toMatchObject({
        type: 'registration.update',
        at: at(61),
        by: { id: 'system' },
        version: 3,
        payload: { registrationNumber: 'AUTO-41-m-1' },
      });
      expect(await store.get('m-1')).toEqual(run.fired[0]?.message);
      expect(await store.messageTimers('m-1')).toEqual([]);
      expect((await store.runDueTimers({ now: at(500) })).claimed).toBe(0);
    });

    it('deletes a timer whose event the workflow refuses, and changes nothing else', async () => {
      const store = await makeStore(storeOptions({ timersOf: registerTimers }));
      written(await store.submit(potholeSubmit()));
      await sendSteps(store, 'm-1', [accept], 1);
      const before = await stateOf(store, 'm-1');
      // The plain system principal is no coordinator: the event is forbidden.
      const run = await store.runDueTimers({ now: at(100), workerId: 'w' });
      expect(run.claimed).toBe(1);
      expect(run.fired).toEqual([]);
      expect(run.refused.map((r) => [r.timer.id, r.error.kind])).toEqual([
        ['m-1:register', 'forbidden'],
      ]);
      expect(await stateOf(store, 'm-1')).toEqual({ ...before, timers: [] });
      expect((await store.runDueTimers({ now: at(200) })).claimed).toBe(0);
    });

    it('does not bring back a refused timer while the rules ask for the same one', async () => {
      // Due an hour after creation, as long as the message is unregistered in coordination.
      const fixed = (snapshot: MessageSnapshot): Timer[] =>
        registerTimers(snapshot).map((t) => ({
          ...t,
          fireAt: plusMinutes(snapshot.context.createdAt, 60),
        }));
      const store = await makeStore(storeOptions({ timersOf: fixed }));
      written(await store.submit(potholeSubmit()));
      await sendSteps(store, 'm-1', [accept], 1);
      expect((await store.runDueTimers({ now: at(60) })).refused).toHaveLength(1);
      const touch = {
        type: 'registration.update',
        by: users.coordinatorRoads,
        registeredAt: at(0),
      };
      await sendSteps(store, 'm-1', [touch], 70);
      expect(await store.messageTimers('m-1')).toEqual([]);
      expect((await store.runDueTimers({ now: at(500) })).claimed).toBe(0);
    });

    it('fires the soonest due timers first, at most `limit` a call', async () => {
      const store = await acceptedMessage(makeStore, 'm-a', 'm-b', 'm-c');
      const first = await store.runDueTimers({ now: at(1000), limit: 2 });
      expect(first.fired.map((f) => f.timer.messageId)).toEqual(['m-a', 'm-b']);
      const second = await store.runDueTimers({ now: at(1000), limit: 2 });
      expect(second.fired.map((f) => f.timer.messageId)).toEqual(['m-c']);
      for (const id of ['m-a', 'm-b', 'm-c']) {
        const history = await store.history(id);
        expect(history.filter((h) => h.by.id === 'system')).toHaveLength(1);
      }
    });

    it('does not fire a timer that a write removed before it was due', async () => {
      const store = await acceptedMessage(makeStore, 'm-1');
      await sendSteps(store, 'm-1', [{ type: 'work.take', by: users.multiRoads }], 2);
      expect(await store.messageTimers('m-1')).toEqual([]);
      expect((await store.runDueTimers({ now: at(1000) })).claimed).toBe(0);
      // Not due when it was removed: nothing to account for.
      expect(await store.messageTimerLog('m-1')).toEqual([]);
    });

    it('logs how each due timer ended: fired, refused, or superseded unfired', async () => {
      const store = await acceptedMessage(makeStore, 'm-a', 'm-b');
      const register = (id: string, minute: number) => ({
        id: `${id}:register`,
        messageId: id,
        fireAt: at(minute),
        event: { type: 'registration.update', registrationNumber: `AUTO-41-${id}` },
      });
      // m-b's timer (due at minute 71) is still waiting at minute 80, when a coordinator
      // registers the message: the write makes it moot.
      await sendSteps(store, 'm-b', [{ type: 'work.take', by: users.multiRoads }], 80);
      expect(await store.messageTimerLog('m-b')).toEqual([
        { timer: register('m-b', 71), outcome: 'superseded', version: 3, at: at(80) },
      ]);
      await store.runDueTimers({ now: at(1000) });
      expect(await store.messageTimerLog('m-a')).toEqual([
        { timer: register('m-a', 61), outcome: 'fired', version: 3, at: at(61) },
      ]);

      const refusing = await makeStore(storeOptions({ timersOf: registerTimers }));
      written(await refusing.submit(potholeSubmit()));
      await sendSteps(refusing, 'm-1', [accept], 1);
      await refusing.runDueTimers({ now: at(100) });
      expect(await refusing.messageTimerLog('m-1')).toEqual([
        {
          timer: {
            ...register('m-1', 61),
            event: { ...register('m-1', 61).event, registrationNumber: 'AUTO-41-000001' },
          },
          outcome: 'refused',
          version: null,
          at: at(61),
        },
      ]);
    });
  });
}
