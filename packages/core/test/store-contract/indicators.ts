import { beforeAll, describe, expect, it } from 'vitest';
import {
  type IndicatorQueryInput,
  type IndicatorRow,
  type MessageQueryInput,
  type MessageStore,
  type Principal,
  WorkflowRefusal,
} from '../../src/index.js';
import { users } from '../helpers.js';
import { kam, NOW, writeIndicatorHistories } from './indicator-histories.js';
import { writeRoundingHistories } from './indicator-rounding.js';
import { writeTiedHistories } from './indicator-ties.js';
import { type MakeStore, storeOptions } from './setup.js';

const period = { from: '2025-01-01', to: '2025-02-28', now: NOW } as const;

async function indicatorsOf(store: MessageStore, query: IndicatorQueryInput, viewer: Principal) {
  if (!store.indicators) throw new Error('the store has no indicators');
  return store.indicators(query, viewer);
}

async function refusal(run: () => Promise<unknown>): Promise<WorkflowRefusal> {
  try {
    await run();
  } catch (error) {
    if (error instanceof WorkflowRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const counts = (row: IndicatorRow) => ({
  received: row.received,
  rejected: row.rejected,
  answered: row.answered,
  answeredOnTime: row.answeredOnTime,
  answeredLate: row.answeredLate,
  overdueNow: row.overdueNow,
  dueSoonNow: row.dueSoonNow,
});

/**
 * `MessageStore.indicators` over hand-built lives (indicator-histories.ts): every figure
 * worked out by hand in docs/analytics.md, the edge cases included — late after an
 * extension, a re-reviewed message, a date that differs in UTC and in Kamchatka — and the
 * viewer's scope.
 */
export function describeIndicators(makeStore: MakeStore): void {
  describe('indicators', () => {
    let store: MessageStore;
    beforeAll(async () => {
      store = await makeStore(storeOptions());
      await writeIndicatorHistories(store);
      return () => store.close();
    }, 60_000);

    it("counts a region's curator's messages as docs/analytics.md works them out", async () => {
      const { totals } = await indicatorsOf(store, { ...period, groupBy: 'org' }, users.curatorGov);
      expect(totals).toEqual({
        key: 'total',
        label: 'Итого',
        received: 9,
        rejected: 1,
        answered: 5,
        answeredOnTime: 3,
        answeredOnTimeShare: 0.6,
        answeredLate: 2,
        overdueNow: 2,
        dueSoonNow: 1,
        answerTime: { medianDays: 12, p90Days: 17, medianWorkingDays: 8, p90WorkingDays: 11 },
        fastTrackAnswered: 5,
        fastTrackOnTime: 3,
        extensionsGranted: 2,
        rated: 3,
        ratingAverage: 3.67,
        ratingDistribution: [0, 1, 0, 1, 1],
        reReviewed: 1,
        reReviewedShare: 1 / 3,
        operatorDelivered: 0,
        deliveryLagMedianHours: null,
        autorouted: 1,
        autoroutedShare: 1 / 9,
      } satisfies IndicatorRow);
    });

    it('groups by the holding organisation: the re-reviewed message is the parent’s now', async () => {
      const { rows } = await indicatorsOf(store, { ...period, groupBy: 'org' }, users.curatorGov);
      expect(rows.map((r) => [r.key, r.received, r.answered, r.rated])).toEqual([
        ['kam-roads', 8, 4, 1],
        ['kam-gov', 1, 1, 2],
      ]);
      expect(rows[1]?.label).toBe('Правительство Камчатского края');
    });

    it('counts periods in the holding organisation’s local dates, not in UTC', async () => {
      const first = await indicatorsOf(
        store,
        { from: '2025-02-01', to: '2025-02-01', groupBy: 'day', now: NOW },
        users.curatorGov,
      );
      expect(first.rows.map((r) => [r.key, r.label, r.received, r.dueSoonNow])).toEqual([
        ['2025-02-01', '01.02.2025', 1, 1],
      ]);
      const last = await indicatorsOf(
        store,
        { from: '2025-01-31', to: '2025-01-31', groupBy: 'day', now: NOW },
        users.curatorGov,
      );
      expect(last.totals.received).toBe(0);
    });

    it('lists every week and month of the period, the empty ones too', async () => {
      const weeks = await indicatorsOf(
        store,
        { from: '2025-01-13', to: '2025-02-09', groupBy: 'week', now: NOW },
        users.curatorGov,
      );
      expect(weeks.rows.map((r) => [r.key, r.label, r.received])).toEqual([
        ['2025-01-13', 'неделя с 13.01.2025', 5],
        ['2025-01-20', 'неделя с 20.01.2025', 3],
        ['2025-01-27', 'неделя с 27.01.2025', 1],
        ['2025-02-03', 'неделя с 03.02.2025', 0],
      ]);
      const months = await indicatorsOf(store, { ...period, groupBy: 'month' }, users.curatorGov);
      expect(months.rows.map((r) => [r.key, r.label, r.received])).toEqual([
        ['2025-01', 'январь 2025', 8],
        ['2025-02', 'февраль 2025', 1],
      ]);
      expect(months.rows[1]?.answeredOnTimeShare).toBeNull();
      expect(months.rows[1]?.ratingAverage).toBeNull();
    });

    it('lists the rated and re-reviewed messages the rating figures count', async () => {
      const ids = async (query: MessageQueryInput) =>
        (await store.list(SYSTEM, { ...query, sort: 'createdAt', direction: 'asc' })).items
          .map((m) => m.id)
          .join(' ');
      // A rated 5; E rated 2, re-reviewed at the government, its second answer rated 4.
      expect(await ids({ rated: true })).toBe('ind-a ind-e');
      expect(await ids({ rated: false })).toBe('ind-b ind-c ind-c2 ind-d ind-h ind-f ind-i ind-g');
      expect(await ids({ ratingScores: [2] })).toBe('ind-e');
      expect(await ids({ ratingScores: [4] })).toBe('ind-e');
      expect(await ids({ ratingScores: [4, 5] })).toBe('ind-a ind-e');
      expect(await ids({ ratingScores: [1, 3] })).toBe('');
      expect(await ids({ reReviewed: true })).toBe('ind-e');
      expect(await ids({ reReviewed: false, rated: true })).toBe('ind-a');
      // After the scope and the dates: the roads ministry's head no longer holds E.
      const held = await store.list(users.headRoads, {
        rated: true,
        createdFrom: kam('2025-01-01 00:00'),
        createdTo: kam('2025-01-31 23:59'),
        withTotal: true,
      });
      expect([held.items.map((m) => m.id), held.total]).toEqual([['ind-a'], 1]);
      const refused = await refusal(() => store.list(SYSTEM, { ratingScores: [0, 6] }));
      expect(refused.error.kind).toBe('invalid_payload');
    });

    it('answers late after an extension against the extended deadline', async () => {
      const { rows } = await indicatorsOf(
        store,
        { from: '2025-01-17', to: '2025-01-17', groupBy: 'day', now: NOW },
        users.curatorGov,
      );
      // C (extended to 05.02, answered 03.02) on time; C2 (extended to 30.01, answered 02.02) late.
      expect(rows.map(counts)).toEqual([
        {
          received: 2,
          rejected: 0,
          answered: 2,
          answeredOnTime: 1,
          answeredLate: 1,
          overdueNow: 0,
          dueSoonNow: 0,
        },
      ]);
      expect(rows[0]?.extensionsGranted).toBe(2);
    });

    it('narrows by organisation, subtree, region, category and channel', async () => {
      const gov = { ...period, groupBy: 'org' as const, orgId: 'kam-gov' };
      expect((await indicatorsOf(store, gov, users.curatorGov)).totals.received).toBe(9);
      const alone = await indicatorsOf(store, { ...gov, subtree: false }, users.curatorGov);
      expect(alone.totals.received).toBe(1);
      const all = { ...period, groupBy: 'region' as const };
      const regions = await indicatorsOf(store, all, SYSTEM);
      expect(regions.rows.map((r) => [r.key, r.received])).toEqual([
        ['41', 9],
        ['73', 1],
      ]);
      expect((await indicatorsOf(store, { ...all, region: '73' }, SYSTEM)).totals.received).toBe(1);
      const channels = await indicatorsOf(store, { ...period, groupBy: 'channel' }, SYSTEM);
      expect(channels.rows.map((r) => [r.key, r.label, r.received])).toEqual([
        ['operator', 'Оператор (122)', 1],
        ['epgu_form', 'Портал Госуслуг', 9],
      ]);
      const health = { ...all, categoryId: 'health' };
      expect((await indicatorsOf(store, health, SYSTEM)).totals.received).toBe(0);
    });

    it('measures the operator’s delivery lag', async () => {
      const { totals } = await indicatorsOf(
        store,
        { ...period, groupBy: 'org' },
        users.headUlyRoads,
      );
      expect(counts(totals)).toMatchObject({ received: 1, answered: 1, answeredOnTime: 1 });
      expect(totals.operatorDelivered).toBe(1);
      expect(totals.deliveryLagMedianHours).toBe(5);
    });

    it('keeps each viewer to their scope and refuses everyone else', async () => {
      const head = await indicatorsOf(store, { ...period, groupBy: 'org' }, users.headRoads);
      expect(head.rows.map((r) => r.key)).toEqual(['kam-roads']);
      expect(head.totals.received).toBe(8);
      const outside = await refusal(() =>
        indicatorsOf(store, { ...period, groupBy: 'org', orgId: 'uly-roads' }, users.headRoads),
      );
      expect(outside.error.kind).toBe('forbidden');
      const coordinator = await refusal(() =>
        indicatorsOf(store, { ...period, groupBy: 'org' }, users.coordinatorRoads),
      );
      expect(coordinator.error.kind).toBe('forbidden');
      const applicant = await refusal(() =>
        indicatorsOf(store, { ...period, groupBy: 'org' }, users.applicant),
      );
      expect(applicant.error.kind).toBe('forbidden');
    });

    it('refuses a malformed query with the field at fault', async () => {
      const backwards = await refusal(() =>
        indicatorsOf(
          store,
          { from: '2025-02-01', to: '2025-01-01', groupBy: 'day', now: NOW },
          users.curatorGov,
        ),
      );
      expect(backwards.error.kind).toBe('invalid_payload');
      const unknown = await refusal(() =>
        indicatorsOf(store, { ...period, groupBy: 'colour' as 'day' }, users.curatorGov),
      );
      expect(unknown.error.kind).toBe('invalid_payload');
    });
  });

  describe('indicators: ties at the percentiles', () => {
    let store: MessageStore;
    beforeAll(async () => {
      store = await makeStore(storeOptions());
      await writeTiedHistories(store);
      return () => store.close();
    }, 60_000);

    it('takes the value at position ⌈p·n⌉ of the sorted times, inside a run of equal ones', async () => {
      const query = {
        from: '2025-03-03',
        to: '2025-03-16',
        groupBy: 'week',
        now: kam('2025-03-20 12:00'),
      } as const;
      const times = (row: IndicatorRow) => [row.key, row.answered, row.answerTime];
      // A scope of organisations and the whole platform: the SQL store counts them differently.
      for (const viewer of [users.curatorGov, SYSTEM]) {
        const { rows, totals } = await indicatorsOf(store, query, viewer);
        expect([...rows, totals].map(times)).toEqual([
          [
            '2025-03-03',
            10,
            { medianDays: 1, p90Days: 2, medianWorkingDays: 1, p90WorkingDays: 2 },
          ],
          ['2025-03-10', 2, { medianDays: 3, p90Days: 3, medianWorkingDays: 3, p90WorkingDays: 3 }],
          ['total', 12, { medianDays: 2, p90Days: 3, medianWorkingDays: 2, p90WorkingDays: 3 }],
        ]);
      }
    });
  });

  describe('indicators: times on the half-way points of the reported hundredths', () => {
    let store: MessageStore;
    beforeAll(async () => {
      store = await makeStore(storeOptions());
      await writeRoundingHistories(store);
      return () => store.close();
    }, 60_000);

    const times = (row: IndicatorRow) => [
      row.key,
      row.answerTime.medianDays,
      row.answerTime.p90Days,
      row.deliveryLagMedianHours,
    ];
    const query = (groupBy: 'org' | 'week') =>
      ({ from: '2025-04-07', to: '2025-04-20', groupBy, now: kam('2025-05-01 12:00') }) as const;
    const figures = async (groupBy: 'org' | 'week', viewer: Principal) => {
      const { rows, totals } = await indicatorsOf(store, query(groupBy), viewer);
      return [...rows, totals].map(times);
    };

    it('reports the value at the percentile’s position as the memory store rounds it', async () => {
      // Rounding a sum of buckets instead (half up, or down to the hundredth) would give
      // 1.01 for 1.005 days, 0.15 for 0.145 days or hours, 13.00 for 13.0069 days, 0.14 for
      // 0.1495 hours.
      expect(await figures('week', SYSTEM)).toEqual([
        ['2025-04-07', 1, 13.01, 0.14],
        ['2025-04-14', 0.14, 1, 0.15],
        ['total', 1, 13.01, 0.14],
      ]);
      expect(await figures('org', SYSTEM)).toEqual([
        ['uly-roads', 1, 1, 0.14],
        ['kam-roads', 1, 13.01, null],
        ['total', 1, 13.01, 0.14],
      ]);
      expect(await figures('week', users.curatorGov)).toEqual([
        ['2025-04-07', 1, 13.01, null],
        ['2025-04-14', 0.14, 0.14, null],
        ['total', 1, 13.01, null],
      ]);
      expect(await figures('week', users.headUlyRoads)).toEqual([
        ['2025-04-07', 1, 1, 0.14],
        ['2025-04-14', 1, 1, 0.15],
        ['total', 1, 1, 0.14],
      ]);
    });
  });
}

const SYSTEM: Principal = { id: 'system', roles: [{ role: 'system' }] };
