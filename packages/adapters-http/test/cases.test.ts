import {
  caseExportHeader,
  createMemoryStore,
  type MessageStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, createHttpApp } from '../src/index.js';
import { handleAppOptions } from './support.js';

const directory = createOnfDemoDirectory();
const users: Record<string, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };
type Handle = keyof typeof onfDemoUsers | 'system';

function onfWorld(store: MessageStore = createMemoryStore({ directory })) {
  const app = createHttpApp({
    store,
    ...handleAppOptions(users),
  });
  const call = (
    method: string,
    path: string,
    as: Handle | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${as}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { app, call };
}

const createBody = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  number: `N-${caseId}`,
  applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
  text: 'Прошу помочь с доставкой лекарств',
  regionCode: '75',
  categoryType: 'nko',
  categoryId: 'medicine',
  ...extra,
});

/** Two cards assigned to exec-75. */
async function twoAssigned() {
  const w = onfWorld();
  for (const id of ['c-1', 'c-2']) {
    const created = await w.call(
      'POST',
      '/cases',
      'system',
      createBody(id, id === 'c-1' ? { labels: ['vip'] } : {}),
    );
    expect(created.status).toBe(201);
    const assign = { type: 'case.assign', executorId: 'exec-75' };
    expect((await w.call('POST', `/cases/${id}/events`, 'supervisor75', assign)).status).toBe(200);
  }
  return w;
}

describe('ОНФ cards as each role may see them', () => {
  it('shows the phone to the executor and support, not to a moderator or another executor', async () => {
    const w = await twoAssigned();
    await w.call('POST', '/cases/c-1/events', 'executor75', { type: 'case.lock' });
    await w.call('POST', '/cases/c-1/events', 'executor75', {
      type: 'case.comment',
      text: 'Дозвонились, лекарства купим завтра',
    });
    type Card = {
      card: { applicant: { phone: string | null }; comments: unknown[] };
      locked: boolean;
    };
    const as = async (who: Handle) =>
      (await (await w.call('GET', '/cases/c-1', who)).json()) as Card;
    for (const who of ['executor75', 'supervisor75', 'curator75', 'support'] as const) {
      expect((await as(who)).card.applicant.phone, who).toBe('+7(917)561-89-18');
    }
    for (const who of ['moderator', 'executor75b'] as const) {
      expect((await as(who)).card.applicant.phone, who).toBeNull();
    }
    // The other executor sees who holds the card, not the work on it; the operator neither.
    expect(await as('executor75b')).toMatchObject({ locked: true, card: { comments: [] } });
    expect(await as('operator')).toMatchObject({ locked: false, card: { comments: [] } });
    const list = (await (await w.call('GET', '/cases', 'moderator')).json()) as { items: Card[] };
    expect(list.items.map((i) => i.card.applicant.phone)).toEqual([null, null]);
    const history = (await (await w.call('GET', '/cases/c-1/history', 'operator')).json()) as {
      items: { type: string; payload: Record<string, unknown> }[];
    };
    expect(history.items.find((i) => i.type === 'case.comment')?.payload).toEqual({});
    const staffHistory = (await (
      await w.call('GET', '/cases/c-1/history', 'curator75')
    ).json()) as {
      items: { type: string; payload: Record<string, unknown> }[];
    };
    expect(staffHistory.items.find((i) => i.type === 'case.comment')?.payload).toMatchObject({
      text: 'Дозвонились, лекарства купим завтра',
    });
  });
});

describe('ОНФ cases over HTTP', () => {
  it('POST /cases opens a card (201, ETag, Location) and replays an idempotency key', async () => {
    const w = onfWorld();
    const res = await w.call('POST', '/cases', 'operator', createBody('c-1'), {
      'idempotency-key': 'k',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.headers.get('location')).toBe('cases/c-1');
    expect(await res.json()).toMatchObject({ id: 'c-1', version: 1, status: { code: 'new' } });
    const again = await w.call('POST', '/cases', 'operator', createBody('c-1'), {
      'idempotency-key': 'k',
    });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await w.call('POST', '/cases', 'executor75', createBody('c-9'))).status).toBe(403);
    expect((await w.call('POST', '/cases', 'system', { caseId: 'x' })).status).toBe(422);
    expect((await w.call('POST', '/cases', null, createBody('c-9'))).status).toBe(401);
  });

  it('locks, answers 409 lock-conflict for a second card, ignores client facts', async () => {
    const w = await twoAssigned();
    const lock = await w.call('POST', '/cases/c-1/events', 'executor75', { type: 'case.lock' });
    expect(lock.status).toBe(200);
    expect(await lock.json()).toMatchObject({ locked: true, version: 3 });
    const second = await w.call('POST', '/cases/c-2/events', 'executor75', {
      type: 'case.lock',
      facts: { heldCardIds: [] },
      heldCardIds: [],
    });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await second.json()).toMatchObject({
      type: 'https://reshaem.dev/problems/lock-conflict',
      heldCardIds: ['c-1'],
    });
    const view = (await (await w.call('GET', '/cases/c-2', 'executor75')).json()) as {
      availableEvents: string[];
    };
    expect(view.availableEvents).not.toContain('case.lock');
  });

  it('honours If-Match (412) and hides cards outside the scope (404)', async () => {
    const w = await twoAssigned();
    const stale = await w.call(
      'POST',
      '/cases/c-1/events',
      'executor75',
      { type: 'case.lock' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(
      (await w.call('POST', '/cases/c-1/events', 'executor51', { type: 'case.lock' })).status,
    ).toBe(404);
    expect((await w.call('GET', '/cases/c-1', 'curator51')).status).toBe(404);
    expect((await w.call('GET', '/cases/none', 'curator75')).status).toBe(404);
  });

  it('GET /cases/{id} shows the buttons; GET /cases/{id}/history the history', async () => {
    const w = await twoAssigned();
    const res = await w.call('GET', '/cases/c-1', 'executor75');
    expect(res.headers.get('etag')).toBe('"2"');
    const view = (await res.json()) as { availableEvents: string[] };
    expect(view.availableEvents).toContain('case.lock');
    expect(
      (await w.call('GET', '/cases/c-1', 'executor75', undefined, { 'if-none-match': '"2"' }))
        .status,
    ).toBe(304);
    const history = (await (await w.call('GET', '/cases/c-1/history', 'curator75')).json()) as {
      items: { type: string }[];
    };
    expect(history.items.map((h: { type: string }) => h.type)).toEqual([
      'case.create',
      'case.assign',
    ]);
  });

  it('GET /cases filters by labels and the lock, and refuses unknown parameters', async () => {
    const w = await twoAssigned();
    await w.call('POST', '/cases/c-2/events', 'executor75', { type: 'case.lock' });
    const ids = async (query: string, as: Handle = 'curator75') =>
      (
        (await (await w.call('GET', `/cases${query}`, as)).json()) as { items: { id: string }[] }
      ).items
        .map((i) => i.id)
        .sort();
    expect(await ids('')).toEqual(['c-1', 'c-2']);
    expect(await ids('?labelsPresent=vip')).toEqual(['c-1']);
    expect(await ids('?labelsAbsent=vip')).toEqual(['c-2']);
    expect(await ids('?lock=mine', 'executor75')).toEqual(['c-2']);
    expect(await ids('?lock=free&phone=917561')).toEqual(['c-1']);
    expect(await ids('', 'curator51')).toEqual([]);
    expect((await w.call('GET', '/cases?nope=1', 'curator75')).status).toBe(422);
    expect((await w.call('GET', '/cases?cursor=%21', 'curator75')).status).toBe(422);
  });

  it('GET /cases/export.xlsx streams the filtered list with the header row', async () => {
    const w = await twoAssigned();
    const res = await w.call('GET', '/cases/export.xlsx?labelsPresent=vip', 'curator75');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(caseExportHeader());
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('N-c-1');
    expect((await w.call('GET', '/cases/export.xlsx?limit=1', 'curator75')).status).toBe(422);
  });

  it('is not served, nor documented, for a store without the case methods', async () => {
    const full = createMemoryStore({ directory });
    const {
      submitCase: _s,
      sendCase: _e,
      getCase: _g,
      caseHistory: _h,
      listCases: _l,
      casesHeldBy: _b,
      ...messagesOnly
    } = full;
    const w = onfWorld(messagesOnly as MessageStore);
    expect((await w.call('GET', '/cases', 'curator75')).status).toBe(404);
    const doc = (await (await w.call('GET', '/openapi.json', null)).json()) as { paths: object };
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/cases'))).toBe(false);
    expect(Object.keys(buildOpenApiDocument().paths)).toContain('/cases/{id}/events');
  });
});
