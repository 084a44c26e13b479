import { afterEach, describe, expect, it } from 'vitest';
import {
  type CaseStore,
  type CaseWriteResult,
  type CaseWritten,
  createRecordingSender,
  type Directory,
  deliverNotifications,
  type MessageStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '../src/index.js';
import { createOnfDemoDirectory, onfDemoUsers as users } from '../src/testing/index.js';
import { describeCaseIndicators } from './onf/case-indicators-contract.js';

/** Makes a store with the case methods over an empty database. */
export type MakeCaseStore = (options: {
  directory: Directory;
  timerPrincipal?: Principal;
}) => Promise<CaseStore & { close(): Promise<void> }>;

/** Does the store serve messages too (timer worker, outbox)? A case store alone does not. */
const isFull = (store: CaseStore): store is CaseStore & MessageStore =>
  'runDueTimers' in store && 'claimOutbox' in store;

const T0 = '2025-01-15T03:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

const create = (caseId: string, extra: Record<string, unknown> = {}) => ({
  type: 'case.create',
  at: T0,
  by: SYSTEM_PRINCIPAL,
  caseId,
  number: `N-${caseId}`,
  applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
  text: 'Прошу помочь с доставкой лекарств',
  regionCode: '75',
  categoryType: 'nko',
  categoryId: 'medicine',
  ...extra,
});

function written(result: CaseWriteResult): CaseWritten {
  if (!result.ok)
    expect.fail(`expected a write, got ${result.error.kind}: ${result.error.message}`);
  return result;
}
function refusedWith(result: CaseWriteResult, kind: string) {
  expect(result.ok ? `version ${result.case.version}` : result.error.kind).toBe(kind);
  return result;
}

type Step = Record<string, unknown> & { type: string; by: Principal };
const assign: Step = { type: 'case.assign', by: users.supervisor75, executorId: 'exec-75' };
const lock: Step = { type: 'case.lock', by: users.executor75 };
const postpone: Step = {
  type: 'case.postpone',
  by: users.executor75,
  until: '2025-03-01',
  reason: 'Ждём поставку',
};

/**
 * The ОНФ half of the persistence port's contract: every store with the case methods passes
 * it (memory, PGlite, PostgreSQL).
 *
 * @example
 * describeCaseStoreContract('memory', async (options) => createMemoryStore(options));
 */
/**
 * The case store's contract. `timersAndOutbox: false` is for a store that serves cards
 * alone (no timer worker, no outbox): those tests are then reported as skipped, and a store
 * that claims them must have them.
 */
export function describeCaseStoreContract(
  name: string,
  makeStore: MakeCaseStore,
  { timersAndOutbox = true }: { timersAndOutbox?: boolean } = {},
): void {
  const full = it.skipIf(!timersAndOutbox);
  const fullStore = async (store: CaseStore) => {
    if (!isFull(store)) expect.fail('the store has no timer worker or outbox');
    return store;
  };
  describe(`case store contract: ${name}`, () => {
    const directory = createOnfDemoDirectory();
    const open: Array<{ close(): Promise<void> }> = [];
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close();
    });
    const fresh = async (timerPrincipal?: Principal) => {
      const store = await makeStore({ directory, ...(timerPrincipal ? { timerPrincipal } : {}) });
      open.push(store);
      return store;
    };
    const send = async (store: CaseStore, id: string, step: Step, minute: number) =>
      store.sendCase(id, { at: at(minute), ...step });
    /** A card assigned to exec-75, at version 2. */
    const assigned = async (store: CaseStore, id: string, extra = {}) => {
      written(await store.submitCase(create(id, extra)));
      return written(await send(store, id, assign, 1));
    };

    it('creates a card at version 1 and refuses a second create with the same id', async () => {
      const store = await fresh();
      const first = written(await store.submitCase(create('c-1')));
      expect(first.case).toMatchObject({ id: 'c-1', version: 1, status: 'new' });
      expect(first.record).toMatchObject({ type: 'case.create', toStatus: 'new' });
      refusedWith(await store.submitCase(create('c-1')), 'already_exists');
      expect((await store.getCase('c-1'))?.version).toBe(1);
      expect(await store.getCase('nope')).toBeUndefined();
      refusedWith(await send(store, 'nope', lock, 1), 'not_found');
    });

    it('locks, refuses a second lock by the same executor, releases, resolves, accepts', async () => {
      const store = await fresh();
      await assigned(store, 'c-1');
      await assigned(store, 'c-2');
      const locked = written(await send(store, 'c-1', lock, 2));
      expect(locked.case.snapshot.context.lock?.holderId).toBe('exec-75');
      expect(await store.casesHeldBy('exec-75')).toEqual(['c-1']);
      const second = refusedWith(await send(store, 'c-2', lock, 3), 'lock_conflict');
      if (!second.ok && second.error.kind === 'lock_conflict') {
        expect(second.error.heldCardIds).toEqual(['c-1']);
      }
      // A caller cannot smuggle facts in: the store supplies them.
      const smuggled = { at: at(3), ...lock, heldCardIds: [] };
      expect((await store.sendCase('c-2', smuggled)).ok).toBe(false);
      written(await send(store, 'c-1', { type: 'case.release', by: users.executor75 }, 4));
      expect(await store.casesHeldBy('exec-75')).toEqual([]);
      written(await send(store, 'c-2', lock, 5));
      const resolve = { type: 'case.resolve', by: users.executor75, description: 'Доставлено' };
      const checked = written(await send(store, 'c-2', resolve, 6));
      expect(checked.case.status).toBe('curator_check');
      const done = written(
        await send(store, 'c-2', { type: 'case.accept', by: users.curator75 }, 7),
      );
      expect(done.case).toMatchObject({ status: 'done', version: 5 });
      const history = await store.caseHistory('c-2');
      expect(history.map((h) => [h.version, h.type])).toEqual([
        [1, 'case.create'],
        [2, 'case.assign'],
        [3, 'case.lock'],
        [4, 'case.resolve'],
        [5, 'case.accept'],
      ]);
    });

    it('checks the expected version and changes nothing on a refusal', async () => {
      const store = await fresh();
      await assigned(store, 'c-1');
      const stale = await store.sendCase('c-1', { at: at(2), ...lock }, { expectedVersion: 1 });
      refusedWith(stale, 'version_conflict');
      refusedWith(
        await send(store, 'c-1', { type: 'case.lock', by: users.executor75b }, 2),
        'forbidden',
      );
      expect((await store.getCase('c-1'))?.version).toBe(2);
      expect(await store.caseHistory('c-1')).toHaveLength(2);
      written(await store.sendCase('c-1', { at: at(3), ...lock }, { expectedVersion: 2 }));
    });

    it('replays an idempotency key and refuses it for another request', async () => {
      const store = await fresh();
      const first = written(await store.submitCase(create('c-1'), { idempotencyKey: 'k1' }));
      const again = written(await store.submitCase(create('c-1'), { idempotencyKey: 'k1' }));
      expect(again.replayed).toBe(true);
      expect(again.case).toEqual(first.case);
      written(await send(store, 'c-1', assign, 1));
      const once = { at: at(2), ...lock };
      written(await store.sendCase('c-1', once, { idempotencyKey: 'k2' }));
      const replay = written(
        await store.sendCase('c-1', { ...once, at: at(9) }, { idempotencyKey: 'k2' }),
      );
      expect(replay).toMatchObject({ replayed: true, case: { version: 3 } });
      const other = { at: at(3), type: 'case.release', by: users.executor75 };
      refusedWith(
        await store.sendCase('c-1', other, { idempotencyKey: 'k2' }),
        'idempotency_conflict',
      );
      expect((await store.getCase('c-1'))?.version).toBe(3);
    });

    it('filters lists by labels, lock, text and phone, within the viewer’s scope', async () => {
      const store = await fresh();
      await assigned(store, 'c-1', { labels: ['vip'], text: 'Нужны ЛЕКАРСТВА' });
      await assigned(store, 'c-2', { applicant: { name: 'Б', phone: '8 (914) 111-22-33' } });
      written(await store.submitCase(create('c-3', { regionCode: '51' })));
      written(await send(store, 'c-2', lock, 2));
      const ids = async (viewer: Principal, query: Record<string, unknown> = {}) =>
        (await store.listCases(viewer, query)).items.map((c) => c.id).sort();
      expect(await ids(users.curator75)).toEqual(['c-1', 'c-2']);
      expect(await ids(users.curator51)).toEqual(['c-3']);
      expect(await ids(users.moderator)).toEqual(['c-1', 'c-2', 'c-3']);
      expect(await ids(users.curator75, { labelsPresent: ['vip'] })).toEqual(['c-1']);
      expect(await ids(users.curator75, { labelsAbsent: ['vip'] })).toEqual(['c-2']);
      expect(await ids(users.executor75, { lock: 'mine' })).toEqual(['c-2']);
      expect(await ids(users.executor75, { lock: 'free' })).toEqual(['c-1']);
      expect(await ids(users.executor75b, { lock: 'others' })).toEqual(['c-2']);
      expect(await ids(users.curator75, { text: 'лекарства' })).toEqual(['c-1']);
      expect(await ids(users.curator75, { phone: '+7 914 111' })).toEqual(['c-2']);
      expect(await ids(users.curator75, { number: 'N-c-1' })).toEqual(['c-1']);
      expect(await ids(users.moderator, { regionCodes: ['51'], statuses: ['new'] })).toEqual([
        'c-3',
      ]);
    });

    it('pages with a cursor in the query’s order', async () => {
      const store = await fresh();
      for (const [i, id] of ['a', 'b', 'c'].entries()) {
        written(await store.submitCase(create(id, { at: at(i) })));
      }
      const first = await store.listCases(users.moderator, { limit: 2, direction: 'asc' });
      expect(first.items.map((c) => c.id)).toEqual(['a', 'b']);
      const cursor = first.nextCursor ?? expect.fail('a next page');
      const second = await store.listCases(users.moderator, { limit: 2, direction: 'asc', cursor });
      expect(second).toMatchObject({ items: [{ id: 'c' }], nextCursor: null });
      await expect(store.listCases(users.moderator, { cursor: '!!' })).rejects.toThrow();
    });

    /** A card locked by exec-75 and postponed to 2025-03-01, at version 4. */
    const postponed = async (store: CaseStore, id: string) => {
      await assigned(store, id);
      written(await send(store, id, lock, 2));
      return written(await send(store, id, postpone, 3));
    };

    full(
      'keeps a postponed card’s timer and fires it once at its instant, as the system',
      async () => {
        const store = await fullStore(await fresh());
        await assigned(store, 'c-1');
        expect(await store.caseTimers('c-1')).toEqual([]);
        written(await send(store, 'c-1', lock, 2));
        written(await send(store, 'c-1', postpone, 3));
        const [timer, ...others] = await store.caseTimers('c-1');
        expect(others).toEqual([]);
        // 23:59 of 2025-03-01 in Забайкальский край (UTC+9).
        expect(timer).toMatchObject({
          id: 'c-1:case.postponement_due',
          messageId: 'c-1',
          fireAt: '2025-03-01T14:59:00.000Z',
          event: { type: 'case.postponement_due', until: '2025-03-01' },
          attempts: 0,
        });
        // A card's timer is not a message's.
        expect(await store.messageTimers('c-1')).toEqual([]);
        const fireAt = timer?.fireAt ?? '';
        const early = new Date(Date.parse(fireAt) - 1).toISOString();
        expect((await store.runDueTimers({ now: early })).claimed).toBe(0);
        const run = await store.runDueTimers({ now: fireAt, workerId: 'w' });
        expect(run).toMatchObject({ claimed: 1, fired: [], refused: [], refusedCases: [] });
        expect(run.firedCases.map((f) => [f.timer.id, f.case.version, f.case.status])).toEqual([
          ['c-1:case.postponement_due', 5, 'in_work'],
        ]);
        const stored = await store.getCase('c-1');
        expect(stored).toEqual(run.firedCases[0]?.case);
        expect(stored?.snapshot.context.postponement).toBeNull();
        expect((await store.caseHistory('c-1')).at(-1)).toMatchObject({
          type: 'case.postponement_due',
          at: fireAt,
          by: { id: 'system' },
          toStatus: 'in_work',
          version: 5,
        });
        expect(await store.caseTimers('c-1')).toEqual([]);
        expect((await store.runDueTimers({ now: '2026-01-01T00:00:00.000Z' })).claimed).toBe(0);
      },
    );

    full('moves the timer when a postponed card is postponed again', async () => {
      const store = await fullStore(await fresh());
      await postponed(store, 'c-1');
      expect(await store.caseTimers('c-1')).toHaveLength(1);
      written(await send(store, 'c-1', lock, 4));
      written(await send(store, 'c-1', { ...postpone, until: '2025-04-01' }, 5));
      expect((await store.caseTimers('c-1')).map((t) => t.fireAt)).toEqual([
        '2025-04-01T14:59:00.000Z',
      ]);
      expect((await store.runDueTimers({ now: '2025-03-02T00:00:00.000Z' })).claimed).toBe(0);
    });

    full('deletes a card timer whose event is refused, and changes nothing else', async () => {
      // A timer principal that is no system: the card's workflow refuses its event.
      const store = await fullStore(await fresh(users.executor75));
      const last = await postponed(store, 'c-1');
      const run = await store.runDueTimers({ now: '2025-03-02T00:00:00.000Z', workerId: 'w' });
      expect(run).toMatchObject({ claimed: 1, fired: [], refused: [], firedCases: [] });
      expect(run.refusedCases.map((r) => [r.timer.id, r.error.kind])).toEqual([
        ['c-1:case.postponement_due', 'forbidden'],
      ]);
      expect(await store.getCase('c-1')).toEqual(last.case);
      expect(await store.caseHistory('c-1')).toHaveLength(4);
      expect(await store.caseTimers('c-1')).toEqual([]);
      expect((await store.runDueTimers({ now: '2026-01-01T00:00:00.000Z' })).claimed).toBe(0);
    });

    full(
      'writes a case write’s effects to the outbox; delivery renders them, skipping users without an address',
      async () => {
        const store = await fullStore(await fresh());
        const created = written(await store.submitCase(create('c-1')));
        const assignedTo = written(await send(store, 'c-1', assign, 1));
        const effects = [...created.effects, ...assignedTo.effects];
        expect(effects.length).toBeGreaterThan(0);
        expect(await store.messageOutbox('c-1')).toEqual([]);
        const sender = createRecordingSender();
        const round = await deliverNotifications({ store, sender, configs: [], now: at(10) });
        expect(round).toMatchObject({ claimed: effects.length, completed: effects.length });
        expect(round.sent).toEqual([]);
        expect(round.failed).toEqual([]);
        // The demo directory's users have no e-mail addresses.
        expect(round.skipped).toEqual(effects.map((effect) => ({ effect, reason: 'no_address' })));
        expect(sender.sent).toEqual([]);
        expect(await store.claimOutbox({ now: '2026-01-01T00:00:00.000Z' })).toEqual([]);
      },
    );
    describeCaseIndicators(makeStore);
  });
}
