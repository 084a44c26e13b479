import { createSqlStore } from '@reshaem/adapters-sql';
import { createMemoryStore, type IndicatorRow, type MessageStore } from '@reshaem/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NOW as LIVES_NOW,
  writeIndicatorHistories,
} from '../../../core/test/store-contract/indicator-histories.js';
import { INDICATOR_COLUMNS, POS_EXPORT_COLUMNS } from '../../src/index.js';
import { componentValidators, documentOf } from '../openapi-support.js';
import { directory, expectProblem, type Handle, json, type TestWorld, world } from '../support.js';
import { buildIndicatorWorld, indicatorsOf, LATE_ANSWER_AT } from './indicator-world.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JANUARY = 'from=2025-01-01&to=2025-01-31';

/** A sheet's rows as arrays of cell values (ExcelJS's rows start at index 1). */
async function sheetRows(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  expect(workbook.worksheets.map((s) => s.name)).toHaveLength(1);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

/** `dd.mm.yyyy` as a sortable `yyyy-mm-dd`. */
const isoOf = (ru: string) => ru.split('.').reverse().join('-');

type Recounted = 'received' | 'rejected' | 'answered' | 'answeredOnTime' | 'answeredLate';
const pick = (row: IndicatorRow): Record<Recounted, number> => ({
  received: row.received,
  rejected: row.rejected,
  answered: row.answered,
  answeredOnTime: row.answeredOnTime,
  answeredLate: row.answeredLate,
});

/**
 * The indicators counted again from the ПОС export's rows alone, as a spreadsheet user
 * would: received in the period by «Дата поступления», rejected by «Статус», answered by
 * «Дата фактического завершения работ», on time when that date is not after «Дата
 * планируемого завершения работ» (deadlines end at 23:59, so days compare exactly), rated
 * by «Оценка ответа заявителем».
 */
async function recountFromExport(w: TestWorld, as: Handle, from: string, to: string) {
  const exported = await w.call('GET', '/messages/export.xlsx', { as });
  expect(exported.status).toBe(200);
  const { rows } = await sheetRows(exported);
  expect(rows[0]).toEqual([...POS_EXPORT_COLUMNS]);
  const cell = (row: unknown[], title: (typeof POS_EXPORT_COLUMNS)[number]) =>
    String(row[POS_EXPORT_COLUMNS.indexOf(title)]);
  const inPeriod = rows.slice(1).filter((row) => {
    const received = isoOf(cell(row, 'Дата поступления'));
    return received >= from && received <= to;
  });
  const answered = inPeriod.filter(
    (row) => cell(row, 'Дата фактического завершения работ') !== '-',
  );
  const onTime = answered.filter(
    (row) =>
      isoOf(cell(row, 'Дата фактического завершения работ')) <=
      isoOf(cell(row, 'Дата планируемого завершения работ')),
  );
  return {
    received: inPeriod.length,
    rejected: inPeriod.filter((row) => cell(row, 'Статус') === 'Отклонено модератором').length,
    answered: answered.length,
    answeredOnTime: onTime.length,
    answeredLate: answered.length - onTime.length,
    rated: inPeriod.filter((row) => cell(row, 'Оценка ответа заявителем') !== '-').length,
  };
}

const stores: { name: string; open: () => Promise<MessageStore> }[] = [
  { name: 'memory', open: async () => createMemoryStore({ directory }) },
  { name: 'PGlite', open: () => createSqlStore({ directory }) },
];

describe.each(stores)('GET /analytics/indicators on the $name store', ({ open }) => {
  let w: TestWorld;

  beforeAll(async () => {
    w = world({ store: await open() });
    await buildIndicatorWorld(w);
  }, 60_000);
  afterAll(async () => {
    await (w?.store as { close?: () => Promise<void> } | undefined)?.close?.();
  });

  it('counts the hand-built lives by organisation over the head’s subtree', async () => {
    const body = await indicatorsOf(w, 'headGov', `${JANUARY}&groupBy=org`);
    expect(body).toMatchObject({ from: '2025-01-01', to: '2025-01-31', groupBy: 'org' });
    expect(body.countedAt).toBe(LATE_ANSWER_AT);
    expect(body.rows.map((r) => r.key)).toEqual(['kam-roads']);
    const expected: Partial<IndicatorRow> = {
      received: 4,
      rejected: 1,
      answered: 2,
      answeredOnTime: 1,
      answeredOnTimeShare: 0.5,
      answeredLate: 1,
      overdueNow: 1,
      rated: 1,
      ratingAverage: 4,
      ratingDistribution: [0, 0, 0, 1, 0],
    };
    expect(body.rows[0]).toMatchObject({
      ...expected,
      label: directory.organisation('kam-roads')?.name,
    });
    expect(body.totals).toMatchObject({ ...expected, key: 'total' });
    // The body is what the OpenAPI document promises.
    componentValidators(await documentOf(w)).expectValid(body, 'Indicators');
    // February has none of these messages: the same figures, all zero.
    const february = await indicatorsOf(w, 'headGov', 'from=2025-02-01&to=2025-02-28&groupBy=org');
    expect(february.rows).toEqual([]);
    expect(february.totals.received).toBe(0);
  });

  it('adds the weeks up to the same totals', async () => {
    const byWeek = await indicatorsOf(w, 'curatorGov', `${JANUARY}&groupBy=week`);
    // Every week of the period, from the Monday of its first day; only one received any.
    expect(byWeek.rows.map((r) => r.key)).toEqual([
      '2024-12-30',
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
      '2025-01-27',
    ]);
    expect(byWeek.rows.filter((r) => r.received > 0).map((r) => r.key)).toEqual(['2025-01-13']);
    const sum = (field: 'received' | 'answered' | 'answeredOnTime') =>
      byWeek.rows.reduce((n, r) => n + r[field], 0);
    expect([sum('received'), sum('answered'), sum('answeredOnTime')]).toEqual([4, 2, 1]);
    expect(byWeek.totals).toMatchObject({ received: 4, answered: 2, answeredOnTime: 1 });
  });

  it('agrees with an independent recount from the ПОС export of the same messages', async () => {
    const recount = await recountFromExport(w, 'headGov', '2025-01-01', '2025-01-31');
    const { totals } = await indicatorsOf(w, 'headGov', `${JANUARY}&groupBy=org`);
    expect(recount.received).toBeGreaterThan(0);
    expect({ ...pick(totals), rated: totals.rated }).toEqual(recount);
  });

  it('keeps a head to their own organisations and refuses those who see no figures', async () => {
    const uly = await indicatorsOf(w, 'headUlyRoads', `${JANUARY}&groupBy=org`);
    expect(uly.rows.map((r) => r.key)).toEqual(['uly-roads']);
    expect(uly.totals.received).toBe(1);
    const theirs = await w.call(
      'GET',
      `/analytics/indicators?${JANUARY}&groupBy=org&orgId=kam-roads`,
      {
        as: 'headUlyRoads',
      },
    );
    const refused = await expectProblem(theirs, 'forbidden', 403);
    expect(refused.detail).toMatch(
      /^Показатели недоступны: показатели этой организации вам не видны/,
    );
    const applicant = await w.call('GET', `/analytics/indicators?${JANUARY}&groupBy=org`, {
      as: 'applicant',
    });
    expect((await expectProblem(applicant, 'forbidden', 403)).detail).toMatch(/руководители/);
    for (const as of ['coordinatorRoads', 'executorRoads', 'moderator', 'operator'] as const) {
      const res = await w.call('GET', `/analytics/indicators?${JANUARY}&groupBy=org`, { as });
      await expectProblem(res, 'forbidden', 403);
    }
    await expectProblem(
      await w.call('GET', `/analytics/indicators?${JANUARY}&groupBy=org`),
      'unauthenticated',
      401,
    );
    // The roads ministry's admin sees the ministry; the government's head narrows to it.
    const admin = await indicatorsOf(w, 'adminRoads', `${JANUARY}&groupBy=org`);
    expect(admin.rows.map((r) => r.key)).toEqual(['kam-roads']);
    const narrowed = await indicatorsOf(
      w,
      'headGov',
      `${JANUARY}&groupBy=org&orgId=kam-gov&subtree=false`,
    );
    expect(narrowed.rows).toEqual([]);
  });

  it('sends the same figures as one XLSX sheet, by format=xlsx or by Accept', async () => {
    const body = await indicatorsOf(w, 'headGov', `${JANUARY}&groupBy=org`);
    const byFormat = await w.call(
      'GET',
      `/analytics/indicators?${JANUARY}&groupBy=org&format=xlsx`,
      {
        as: 'headGov',
      },
    );
    expect(byFormat.status).toBe(200);
    expect(byFormat.headers.get('content-type')).toBe(XLSX);
    expect(byFormat.headers.get('content-disposition')).toBe(
      'attachment; filename="indicators-2025-01-01-2025-01-31.xlsx"',
    );
    const sheet = await sheetRows(byFormat);
    expect(sheet.name).toBe('Показатели');
    expect(sheet.rows[0]).toEqual(INDICATOR_COLUMNS.map(([header]) => header));
    expect(sheet.rows).toHaveLength(3);
    const [, ministry, total] = sheet.rows as unknown[][];
    const at = (header: string) => INDICATOR_COLUMNS.findIndex(([h]) => h === header);
    expect(ministry?.[at('Группа')]).toBe(body.rows[0]?.label);
    expect(ministry?.[at('Поступило')]).toBe(4);
    expect(ministry?.[at('Ответ в срок')]).toBe(1);
    expect(ministry?.[at('Доля ответов в срок, %')]).toBe(50);
    expect(ministry?.[at('Оценка 4')]).toBe(1);
    expect(total?.[at('Группа')]).toBe('Итого');
    expect(total?.[at('Ответ с опозданием')]).toBe(1);

    const byAccept = await w.call('GET', `/analytics/indicators?${JANUARY}&groupBy=org`, {
      as: 'headGov',
      headers: { accept: `${XLSX}, application/json;q=0.5` },
    });
    expect(byAccept.headers.get('content-type')).toBe(XLSX);
    expect((await sheetRows(byAccept)).rows).toEqual(sheet.rows);
    const jsonWins = await w.call(
      'GET',
      `/analytics/indicators?${JANUARY}&groupBy=org&format=json`,
      {
        as: 'headGov',
        headers: { accept: XLSX },
      },
    );
    expect(await json(jsonWins)).toEqual(body);
  });
});

describe('GET /analytics/indicators refuses a bad query', () => {
  const w = world();
  const refusal = async (query: string) => {
    const res = await w.call('GET', `/analytics/indicators?${query}`, { as: 'headGov' });
    const body = await expectProblem(res, 'validation', 422);
    expect(body.detail).toMatch(/^Показатели не посчитаны: /);
    expect(body.detail).not.toMatch(/[A-Za-z]{4,} [a-z]{4,}/); // Russian, not English words
    return (body.errors as { in: string; path: string[]; message: string }[]).map(
      (e) => `${e.in}.${e.path.join('.')}: ${e.message}`,
    );
  };

  it('names each bad parameter at once', async () => {
    expect(await refusal('')).toEqual([
      'query.from: укажите дату в виде ГГГГ-ММ-ДД',
      'query.to: укажите дату в виде ГГГГ-ММ-ДД',
      'query.groupBy: одно из значений: org, region, category, channel, day, week, month',
    ]);
    expect(await refusal('from=2025-02-30&to=31.01.2025&groupBy=fortnight')).toEqual([
      'query.from: нет такой даты: «2025-02-30»',
      'query.to: нет такой даты: «31.01.2025»',
      'query.groupBy: одно из значений: org, region, category, channel, day, week, month',
    ]);
  });

  it('refuses a period backwards or longer than 366 days, and takes exactly 366', async () => {
    expect(await refusal('from=2025-02-01&to=2025-01-31&groupBy=org')).toEqual([
      'query.to: конец периода раньше его начала',
    ]);
    expect(await refusal('from=2024-01-01&to=2025-01-01&groupBy=day')).toEqual([
      'query.to: период не длиннее 366 дней',
    ]);
    const leapYear = await w.call(
      'GET',
      '/analytics/indicators?from=2024-01-01&to=2024-12-31&groupBy=day',
      {
        as: 'headGov',
      },
    );
    expect(leapYear.status).toBe(200);
  });

  it('refuses unknown, repeated and malformed parameters rather than widening the figures', async () => {
    expect(
      await refusal(
        `${JANUARY}&groupBy=org&groupBy=week&orgid=kam-roads&subtree=maybe&region=Камчатка&channel=fax&format=pdf`,
      ),
    ).toEqual([
      'query.orgid: неизвестный параметр запроса',
      'query.groupBy: укажите этот параметр один раз',
      'query.subtree: одно из значений: true, false',
      'query.channel: одно из значений: epgu_form, mobile_app, org_widget, epgu_widget, reshaem_app, operator, integration',
      'query.format: одно из значений: json, xlsx',
      'query.region: код региона, например 41',
    ]);
    expect(await refusal(`${JANUARY}&groupBy=org&orgId=nowhere`)).toEqual([
      'query.orgId: нет организации nowhere',
    ]);
  });
});

describe('GET /analytics/indicators without a store that counts them', () => {
  it('is not served, nor described', async () => {
    const store = createMemoryStore({ directory });
    const plain: MessageStore = Object.assign(Object.create(store) as MessageStore, {
      indicators: undefined,
    });
    const w = world({ store: plain });
    const res = await w.call('GET', `/analytics/indicators?${JANUARY}&groupBy=org`, {
      as: 'headGov',
    });
    await expectProblem(res, 'not-found', 404);
    const doc = await json<{ paths: Record<string, unknown> }>(
      await w.call('GET', '/openapi.json'),
    );
    expect(Object.keys(doc.paths)).not.toContain('/analytics/indicators');
    expect(Object.keys(doc.paths)).toContain('/messages');
  });
});

describe.each(stores)(
  'the export recount over the core’s hand-built lives on the $name store',
  ({ open }) => {
    it('agrees on received, rejected, answered, on time (extensions too) and late', async () => {
      const store = await open();
      await writeIndicatorHistories(store);
      const w = world({ store });
      w.clock.now = new Date(LIVES_NOW);
      const recount = await recountFromExport(w, 'curatorGov', '2025-01-01', '2025-02-28');
      const { totals } = await indicatorsOf(
        w,
        'curatorGov',
        'from=2025-01-01&to=2025-02-28&groupBy=org',
      );
      expect(recount).toMatchObject(pick(totals));
      expect(recount.answeredLate).toBeGreaterThan(1); // B, and C2 late after its extension
      // The export keeps a message's latest rating; the indicators count every rated answer
      // (E was rated, re-reviewed and rated again).
      expect(totals.rated).toBe(recount.rated + 1);
      await (store as { close?: () => Promise<void> }).close?.();
    }, 60_000);
  },
);
