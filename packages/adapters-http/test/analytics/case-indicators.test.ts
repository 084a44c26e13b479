import { createSqlStore } from '@reshaem/adapters-sql';
import {
  type CaseIndicatorRow,
  type CaseStore,
  caseExportHeader,
  closeReasonSchema,
  closeReasons,
  createMemoryStore,
  type MessageStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  at,
  createCard,
  DAY,
  type Step,
  toCheck,
  toClosed,
  toDone,
  toInWork,
  toPostponed,
} from '../../../core/test/onf/helpers.js';
import { CASE_INDICATOR_COLUMNS, createHttpApp } from '../../src/index.js';
import { componentValidators } from '../openapi-support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PERIOD = 'from=2025-01-01&to=2025-02-28';
const directory = createOnfDemoDirectory();
const applicant: Principal = { id: 'app-1', roles: [{ role: 'applicant' }] };
const users: Record<string, Principal> = {
  ...onfDemoUsers,
  applicant,
  system: SYSTEM_PRINCIPAL,
};
type Handle = keyof typeof onfDemoUsers | 'applicant';

interface CaseIndicatorsBody {
  from: string;
  to: string;
  groupBy: string;
  rows: CaseIndicatorRow[];
  totals: CaseIndicatorRow;
}

/** A card written through the store's workflow, one step a minute after its creation. */
async function write(
  store: CaseStore,
  caseId: string,
  created: string,
  steps: Step[],
  region?: string,
) {
  const opened = await store.submitCase(
    createCard({ caseId, number: caseId, at: created, ...(region ? { regionCode: region } : {}) }),
  );
  if (!opened.ok) throw new Error(opened.error.message);
  for (const [i, step] of steps.entries()) {
    const result = await store.sendCase(caseId, {
      at: new Date(Date.parse(created) + (i + 1) * 60_000).toISOString(),
      ...step,
    });
    if (!result.ok) throw new Error(`${caseId} ${step.type}: ${result.error.message}`);
  }
}

const returned: Step[] = [
  ...toCheck,
  { type: 'case.return', by: onfDemoUsers.curator75, comment: 'Приложите чек' },
  { type: 'case.lock', by: onfDemoUsers.executor75 },
  { type: 'case.resolve', by: onfDemoUsers.executor75, description: 'Чек приложен' },
  { type: 'case.return', by: onfDemoUsers.curator75, comment: 'Чек не читается' },
];

/**
 * Chita (75, UTC+9): done; returned twice and back in work; postponed; closed (declined
 * help); in work, created at 01:00 on 01.02 local (31.01 in UTC); done in March (outside
 * the period). Murmansk (51): one new card.
 */
async function writeCards(store: CaseStore) {
  await write(store, 'c-done', at(0), toDone);
  await write(store, 'c-returned', at(DAY), returned);
  await write(store, 'c-postponed', at(2 * DAY), toPostponed);
  await write(store, 'c-closed', at(3 * DAY), toClosed);
  await write(store, 'c-open', '2025-01-31T16:00:00.000Z', toInWork);
  await write(store, 'c-march', '2025-03-03T03:00:00.000Z', toDone);
  await write(store, 'c-murmansk', at(0), [], '51');
}

const stores: { name: string; open: () => Promise<MessageStore & CaseStore> }[] = [
  { name: 'memory', open: async () => createMemoryStore({ directory }) },
  { name: 'PGlite', open: () => createSqlStore({ directory }) },
];

/** A sheet's rows as arrays of cell values (ExcelJS's rows start at index 1). */
async function sheetOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

describe.each(stores)('GET /analytics/case-indicators on the $name store', ({ open }) => {
  let store: MessageStore & CaseStore;
  let app: ReturnType<typeof createHttpApp>;
  const call = (path: string, as: Handle | null, headers: Record<string, string> = {}) =>
    app.request(path, {
      headers: { ...(as ? { authorization: `Bearer ${users[as]?.id}` } : {}), ...headers },
    });
  const indicatorsOf = async (as: Handle, query: string) => {
    const res = await call(`/analytics/case-indicators?${query}`, as);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as CaseIndicatorsBody;
  };

  beforeAll(async () => {
    store = await open();
    await writeCards(store);
    const byId = new Map(Object.values(users).map((u) => [u.id, u]));
    app = createHttpApp({
      store,
      authenticate: (request) => {
        const id = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        return (id && byId.get(id)) || null;
      },
      now: () => new Date('2025-03-10T00:00:00.000Z'),
      onUnexpectedError: (error) => {
        throw error;
      },
    });
  }, 60_000);
  afterAll(async () => {
    await (store as { close?: () => Promise<void> } | undefined)?.close?.();
  });

  it('counts the region’s cards by month, as the OpenAPI document describes them', async () => {
    const body = await indicatorsOf('curator75', `${PERIOD}&groupBy=month`);
    expect(body).toMatchObject({ from: '2025-01-01', to: '2025-02-28', groupBy: 'month' });
    expect(body.totals).toMatchObject({
      key: 'total',
      label: 'Итого',
      created: 5,
      done: 1,
      doneShare: 0.2,
      postponed: 1,
      closed: 1,
      open: 2,
      curatorReturns: 2,
    });
    expect(body.totals.closedByReason).toMatchObject({ declined_help: 1, unreachable: 0 });
    expect(body.rows.map((r) => [r.key, r.label, r.created, r.open])).toEqual([
      ['2025-01', 'январь 2025', 4, 1],
      ['2025-02', 'февраль 2025', 1, 1],
    ]);
    const doc = await (await app.request('/openapi.json')).json();
    componentValidators(doc as never).expectValid(body, 'CaseIndicators');
    expect(Object.keys((doc as { paths: object }).paths)).toContain('/analytics/case-indicators');
  });

  it('adds the weeks up to the totals, and narrows by region and category', async () => {
    const byWeek = await indicatorsOf('curatorHq', `${PERIOD}&groupBy=week`);
    expect(byWeek.rows[0]?.key).toBe('2024-12-30');
    expect(byWeek.rows).toHaveLength(9);
    const sum = (f: 'created' | 'done' | 'curatorReturns') =>
      byWeek.rows.reduce((n, r) => n + r[f], 0);
    expect([sum('created'), sum('done'), sum('curatorReturns')]).toEqual([6, 1, 2]);
    const byRegion = await indicatorsOf('curatorHq', `${PERIOD}&groupBy=region`);
    // By label: Забайкальский край before Мурманская область.
    expect(byRegion.rows.map((r) => [r.key, r.created])).toEqual([
      ['75', 5],
      ['51', 1],
    ]);
    const chita = await indicatorsOf('curatorHq', `${PERIOD}&groupBy=category&region=75`);
    expect(chita.totals.created).toBe(5);
    const none = await indicatorsOf('curatorHq', `${PERIOD}&groupBy=day&categoryId=nothing`);
    expect(none.totals.created).toBe(0);
  });

  it('keeps a region’s supervisors and curators to their region, the headquarters to none', async () => {
    const regions = async (as: Handle) =>
      (await indicatorsOf(as, `${PERIOD}&groupBy=region`)).rows.map((r) => [r.key, r.created]);
    expect(await regions('curator75')).toEqual([['75', 5]]);
    expect(await regions('supervisor75')).toEqual([['75', 5]]);
    expect(await regions('multi75')).toEqual([['75', 5]]);
    expect(await regions('curator51')).toEqual([['51', 1]]);
    expect(await regions('supervisor51')).toEqual([['51', 1]]);
    expect(await regions('curatorHq')).toEqual([
      ['75', 5],
      ['51', 1],
    ]);
    const asked = await indicatorsOf('curator51', `${PERIOD}&groupBy=region&region=75`);
    expect(asked.totals.created).toBe(0);
    const anonymous = await call(`/analytics/case-indicators?${PERIOD}&groupBy=month`, null);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    'executor75',
    'executor75b',
    'executorNko75',
    'executor51',
    'moderator',
    'support',
    'operator',
    'applicant',
  ] as const)('refuses %s with a 403 problem, as JSON and as a sheet', async (as) => {
    for (const format of ['', '&format=xlsx']) {
      const refused = await call(`/analytics/case-indicators?${PERIOD}&groupBy=month${format}`, as);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await refused.json()) as { type: string; detail: string };
      expect(problem.type).toMatch(/\/forbidden$/);
      expect(problem.detail).toBe(
        'Показатели недоступны: показатели карточек видят супервайзеры и кураторы ОНФ',
      );
    }
  });

  it('sends the sheet «Показатели ОНФ», and a recount from the card export agrees', async () => {
    const body = await indicatorsOf('curator75', `${PERIOD}&groupBy=month`);
    const res = await call(
      `/analytics/case-indicators?${PERIOD}&groupBy=month&format=xlsx`,
      'curator75',
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="case-indicators-2025-01-01-2025-02-28.xlsx"',
    );
    const sheet = await sheetOf(res);
    expect(sheet.name).toBe('Показатели ОНФ');
    expect(sheet.rows[0]).toEqual(CASE_INDICATOR_COLUMNS.map(([h]) => h));
    expect(sheet.rows.map((r) => r[0])).toEqual(['Группа', 'январь 2025', 'февраль 2025', 'Итого']);
    const col = (header: string) => CASE_INDICATOR_COLUMNS.findIndex(([h]) => h === header);
    const total = sheet.rows[3] as unknown[];
    expect(total[col('Создано карточек')]).toBe(5);
    expect(total[col('Доля выполненных, %')]).toBe(20);
    expect(total[col('Возвращено куратором на доработку')]).toBe(2);
    expect(total[col(`Закрыто: ${closeReasons.declined_help.label}`)]).toBe(1);
    const byAccept = await call(`/analytics/case-indicators?${PERIOD}&groupBy=month`, 'curator75', {
      accept: `${XLSX}, application/json;q=0.5`,
    });
    expect((await sheetOf(byAccept)).rows).toEqual(sheet.rows);

    // The recount: the card export of the same curator, read as a spreadsheet user would.
    const exported = await sheetOf(await call('/cases/export.xlsx', 'curator75'));
    const header = caseExportHeader();
    expect(exported.rows[0]).toEqual(header);
    const cell = (row: unknown[], title: string) => String(row[header.indexOf(title)] ?? '');
    // «dd.MM.yyyy HH:mm» in the card's region: the date the indicators count it on.
    const createdOn = (row: unknown[]) =>
      cell(row, 'Дата создания').slice(0, 10).split('.').reverse().join('-');
    const inPeriod = exported.rows
      .slice(1)
      .filter((row) => createdOn(row) >= '2025-01-01' && createdOn(row) <= '2025-02-28');
    const withStatus = (label: string) =>
      inPeriod.filter((row) => cell(row, 'Статус обращения') === label).length;
    const recount = {
      created: inPeriod.length,
      done: withStatus('Выполнено'),
      postponed: withStatus('Отложенное решение'),
      closed: withStatus('Закрыто'),
      open:
        inPeriod.length -
        withStatus('Выполнено') -
        withStatus('Отложенное решение') -
        withStatus('Закрыто'),
      closedByReason: Object.fromEntries(
        closeReasonSchema.options.map((reason) => [
          reason,
          inPeriod.filter((row) => cell(row, 'Причина закрытия') === closeReasons[reason].label)
            .length,
        ]),
      ),
    };
    expect(recount.created).toBe(5);
    const { key: _k, label: _l, doneShare: _s, curatorReturns: _r, ...counted } = body.totals;
    expect(recount).toEqual(counted);
    // The sheet's figures are the recount's too.
    expect(total[col('Создано карточек')]).toBe(recount.created);
    expect(total[col('Закрыто')]).toBe(recount.closed);
  });
});

describe('GET /analytics/case-indicators refuses a bad query', () => {
  const app = createHttpApp({
    store: createMemoryStore({ directory }),
    authenticate: () => onfDemoUsers.curator75,
  });
  it('names every bad parameter at once, in Russian', async () => {
    const res = await app.request(
      '/analytics/case-indicators?from=2025-02-30&to=2025-01-01&groupBy=org&orgId=rik-75&region=Чита&format=pdf&region=75',
    );
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      type: string;
      detail: string;
      errors: { in: string; path: string[]; message: string }[];
    };
    expect(body.type).toMatch(/\/validation$/);
    expect(body.detail).toMatch(/^Показатели не посчитаны: /);
    expect(body.errors.map((e) => `${e.in}.${e.path.join('.')}: ${e.message}`)).toEqual([
      'query.orgId: неизвестный параметр запроса',
      'query.from: нет такой даты: «2025-02-30»',
      'query.groupBy: одно из значений: region, category, day, week, month',
      'query.format: одно из значений: json, xlsx',
      'query.region: укажите этот параметр один раз',
      'query.region: код региона, например 41',
    ]);
    const long = await app.request(
      '/analytics/case-indicators?from=2024-01-01&to=2025-01-01&groupBy=day',
    );
    expect(((await long.json()) as { errors: { message: string }[] }).errors).toEqual([
      { in: 'query', path: ['to'], message: 'период не длиннее 366 дней' },
    ]);
  });
});

describe('GET /analytics/case-indicators without a store that counts them', () => {
  it('is not served, nor described', async () => {
    const store = createMemoryStore({ directory });
    const plain = Object.assign(Object.create(store) as MessageStore, {
      caseIndicators: undefined,
    });
    const app = createHttpApp({ store: plain, authenticate: () => onfDemoUsers.curator75 });
    const res = await app.request(`/analytics/case-indicators?${PERIOD}&groupBy=month`);
    expect(res.status).toBe(404);
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: object };
    expect(Object.keys(doc.paths)).not.toContain('/analytics/case-indicators');
    expect(Object.keys(doc.paths)).toContain('/cases');
  });
});
