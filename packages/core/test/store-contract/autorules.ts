import { describe, expect, it } from 'vitest';
import {
  type Autorule,
  type AutoruleInput,
  autoruleSchema,
  type SkippedAutorule,
} from '../../src/index.js';
import { at, potholeSubmit, users } from '../helpers.js';
import { type MakeStore, stateOf, storeOptions, written } from './setup.js';

const rule = (overrides: Partial<AutoruleInput> = {}): Autorule =>
  autoruleSchema.parse({
    id: 'r-assign',
    orgId: 'kam-roads',
    name: 'Ямы — Новикову',
    position: 10,
    action: { kind: 'assign', executorId: 'exec-kam-roads' },
    ...overrides,
  });

const source = (rules: Autorule[]) => (orgId: string) => rules.filter((r) => r.orgId === orgId);
const accept = { type: 'moderation.accept', by: users.moderator, at: at(1) };

export function describeAutorules(makeStore: MakeStore) {
  describe('autorules in the write path', () => {
    it('assigns after acceptance in the same write, as the system, with its own version', async () => {
      const store = await makeStore(storeOptions({ autorules: source([rule()]) }));
      written(await store.submit(potholeSubmit()));
      const result = written(await store.send('m-1', accept, { expectedVersion: 1 }));
      expect(result.record).toMatchObject({
        type: 'moderation.accept',
        by: { id: users.moderator.id },
      });
      expect(result.message).toMatchObject({ version: 3, status: 'executor_assigned' });
      expect(result.message.snapshot.context.delegatedByAutorule).toEqual({
        ruleId: 'r-assign',
        at: at(1),
      });
      expect(result.autorules?.applied).toEqual([
        expect.objectContaining({ ruleId: 'r-assign', orgId: 'kam-roads', version: 3 }),
      ]);
      expect(result.autorules?.skipped).toEqual([]);
      expect(await store.get('m-1')).toEqual(result.message);
      const history = await store.history('m-1');
      expect(history.map((h) => [h.version, h.type, h.by.id])).toEqual([
        [1, 'submit', users.applicant.id],
        [2, 'moderation.accept', users.moderator.id],
        [3, 'executor.assign', 'system'],
      ]);
      expect(history[2]?.payload).toMatchObject({ autoruleId: 'r-assign' });
      const outbox = await store.messageOutbox('m-1');
      expect(outbox.some((e) => e.version === 3)).toBe(true);
      const delegated = await store.list(users.coordinatorRoads, { delegatedByAutorule: true });
      expect(delegated.items.map((m) => m.id)).toEqual(['m-1']);
    });

    it('follows a forward with the receiving organisation’s rules', async () => {
      const rules = [
        rule({ id: 'route', orgId: 'kam-gov', action: { kind: 'forward', orgId: 'kam-roads' } }),
        rule(),
      ];
      const store = await makeStore(storeOptions({ autorules: source(rules) }));
      written(await store.submit(potholeSubmit({ orgId: 'kam-gov' })));
      const result = written(await store.send('m-1', accept));
      expect(result.autorules?.applied.map((a) => [a.ruleId, a.version])).toEqual([
        ['route', 3],
        ['r-assign', 4],
      ]);
      expect(result.message).toMatchObject({ version: 4, status: 'executor_assigned' });
      expect((await store.history('m-1')).map((h) => h.by.id).slice(2)).toEqual([
        'system',
        'system',
      ]);
    });

    it('skips and logs a rule the workflow forbids, changing nothing', async () => {
      const skips: [SkippedAutorule, string][] = [];
      const bad = rule({ id: 'bad', action: { kind: 'assign', executorId: 'exec-kam-gov' } });
      const store = await makeStore(
        storeOptions({
          autorules: source([bad]),
          onAutoruleSkipped: (skip, messageId) => skips.push([skip, messageId]),
        }),
      );
      written(await store.submit(potholeSubmit()));
      const result = written(await store.send('m-1', accept));
      expect(result.message).toMatchObject({ version: 2, status: 'coordination' });
      expect(result.message.snapshot.context).toMatchObject({
        executorId: null,
        delegatedByAutorule: null,
      });
      expect(result.autorules?.applied).toEqual([]);
      expect(result.autorules?.skipped).toEqual([
        expect.objectContaining({ ruleId: 'bad', reason: 'refused' }),
      ]);
      expect(skips.map(([skip, id]) => [skip.ruleId, id])).toEqual([['bad', 'm-1']]);
      const state = await stateOf(store, 'm-1');
      expect(state.message).toEqual(result.message);
      expect(state.history.map((h) => h.type)).toEqual(['submit', 'moderation.accept']);
      expect(state.outbox.every((e) => e.version <= 2)).toBe(true);
    });

    it('leaves messages alone when no rule matches, and reports nothing', async () => {
      const store = await makeStore(
        storeOptions({ autorules: source([rule({ match: { subcategoryIds: ['road-repair'] } })]) }),
      );
      written(await store.submit(potholeSubmit()));
      const result = written(await store.send('m-1', accept));
      expect(result.message).toMatchObject({ version: 2, status: 'coordination' });
      expect(result.autorules).toBeUndefined();
    });
  });
}
