import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseStore, type Principal, WorkflowRefusal } from '../../src/index.js';
import type { MakeCaseStore } from '../case-store-contract.js';
import {
  at,
  createCard,
  DAY,
  directory,
  type Step,
  toCheck,
  toClosed,
  toDone,
  toInWork,
  toPostponed,
  users,
} from './helpers.js';

async function write(store: CaseStore, caseId: string, created: string, steps: Step[]) {
  const opened = await store.submitCase(createCard({ caseId, number: caseId, at: created }));
  if (!opened.ok) throw new Error(opened.error.message);
  for (const [i, step] of steps.entries()) {
    const result = await store.sendCase(caseId, {
      at: new Date(Date.parse(created) + (i + 1) * 60_000).toISOString(),
      ...step,
    });
    if (!result.ok) throw new Error(`${step.type}: ${result.error.message}`);
  }
}

const returned: Step[] = [
  ...toCheck,
  { type: 'case.return', by: users.curator75, comment: 'Приложите чек' },
  { type: 'case.lock', by: users.executor75 },
  { type: 'case.resolve', by: users.executor75, description: 'Чек приложен' },
  { type: 'case.accept', by: users.curator75 },
];

/**
 * `CaseStore.caseIndicators` on hand-built cards: done (one after a curator's return),
 * postponed, closed with a reason, open, one created at 01:00 local time on 01.02 (31.01 in
 * UTC), and the viewer's scope. Part of the case store contract.
 */
export function describeCaseIndicators(makeStore: MakeCaseStore): void {
  describe('case indicators', () => {
    let store: CaseStore & { close(): Promise<void> };
    const indicators: NonNullable<CaseStore['caseIndicators']> = (query, viewer) => {
      if (!store.caseIndicators) throw new Error('the store has no caseIndicators');
      return store.caseIndicators(query, viewer);
    };
    afterAll(() => store?.close());
    beforeAll(async () => {
      store = await makeStore({ directory });
      await write(store, 'c-done', at(0), toDone);
      await write(store, 'c-returned', at(DAY), returned);
      await write(store, 'c-postponed', at(2 * DAY), toPostponed);
      await write(store, 'c-closed', at(3 * DAY), toClosed);
      // 01:00 on 01.02 in Chita (UTC+9): still 31.01 in UTC.
      await write(store, 'c-open', '2025-01-31T16:00:00.000Z', toInWork);
    });

    it('counts done, postponed, closed by reason, open and the curator’s returns', async () => {
      const { rows, totals } = await indicators(
        { from: '2025-01-01', to: '2025-02-28', groupBy: 'month' },
        users.curator75,
      );
      expect(totals).toMatchObject({
        created: 5,
        done: 2,
        postponed: 1,
        closed: 1,
        open: 1,
        curatorReturns: 1,
        doneShare: 0.4,
      });
      expect(totals.closedByReason.declined_help).toBe(1);
      expect(totals.closedByReason.unreachable).toBe(0);
      expect(rows.map((r) => [r.key, r.label, r.created])).toEqual([
        ['2025-01', 'январь 2025', 4],
        ['2025-02', 'февраль 2025', 1],
      ]);
    });

    it('keeps a region’s staff to their region and refuses who sees no cards', async () => {
      const other = await indicators(
        { from: '2025-01-01', to: '2025-02-28', groupBy: 'region' },
        users.curator51,
      );
      expect(other.totals.created).toBe(0);
      await expect(
        indicators(
          { from: '2025-01-01', to: '2025-02-28', groupBy: 'region' },
          {
            id: 'app',
            roles: [{ role: 'applicant' }],
          },
        ),
      ).rejects.toBeInstanceOf(WorkflowRefusal);
      await expect(
        indicators({ from: '2025-03-01', to: '2025-01-01', groupBy: 'day' }, users.curator75),
      ).rejects.toMatchObject({ kind: 'invalid_payload' });
    });

    it('shows supervisors and curators their region’s figures, the headquarters all', async () => {
      const period = { from: '2025-01-01', to: '2025-02-28', groupBy: 'region' } as const;
      const created = async (viewer: Principal) =>
        (await indicators(period, viewer)).rows.map((r) => [r.key, r.created]);
      expect(await created(users.supervisor75)).toEqual([['75', 5]]);
      expect(await created(users.supervisor51)).toEqual([]);
      expect(await created(users.curatorHq)).toEqual([['75', 5]]);
      expect(await created(users.multi75)).toEqual([['75', 5]]);
    });

    it.each([
      ['an executor, even of the region’s cards', users.executor75],
      ['a volunteer executor', users.executorNko75],
      ['a moderator', users.moderator],
      ['support', users.support],
      ['a call centre operator', users.operator],
    ])('refuses %s: the figures are the overseers’', async (_, viewer) => {
      await expect(
        indicators({ from: '2025-01-01', to: '2025-02-28', groupBy: 'region' }, viewer),
      ).rejects.toMatchObject({ kind: 'forbidden' });
    });
  });
}
