import {
  createMemoryFileStore,
  createMemoryStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import { describe, expect, it } from 'vitest';
import { multipart, pdfBytes } from './files/fixtures.js';
import { componentValidators, documentOf } from './openapi-support.js';
import { world } from './support.js';

describe('card responses match the document', () => {
  const onfUsers: Record<string, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };
  const files = createMemoryFileStore();
  const onfWorld = () =>
    world({
      store: createMemoryStore({ directory: createOnfDemoDirectory(), files }),
      files: { store: files },
      authenticate: (request) => {
        const handle = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
        return handle && Object.hasOwn(onfUsers, handle) ? (onfUsers[handle] ?? null) : null;
      },
    });

  it('every card body the endpoints write validates against its generated schema', async () => {
    const w = onfWorld();
    const doc = await documentOf(w);
    const { validator, expectValid, check } = componentValidators(doc);
    const as = (handle: keyof typeof onfUsers, body?: unknown) => ({
      headers: { authorization: `Bearer ${handle}` },
      ...(body === undefined ? {} : { body }),
    });
    /** Sends a body that the document accepts, and checks the response against it. */
    const send = async (
      handle: keyof typeof onfUsers,
      path: string,
      body: Record<string, unknown>,
      schemas: { body: string; response: string; status: number },
    ) => {
      expectValid(body, schemas.body);
      const res = await w.call('POST', path, as(handle, body));
      expect(res.status, await res.clone().text()).toBe(schemas.status);
      await check(res, schemas.response);
      return res;
    };
    const create = { body: 'CreateCaseBody', response: 'CaseView', status: 201 };
    const event = { body: 'CaseBody', response: 'CaseView', status: 200 };

    const created = await send(
      'system',
      '/cases',
      {
        caseId: 'c-1',
        number: '340820',
        applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18', email: 'test@example.ru' },
        text: 'Прошу помочь с доставкой лекарств',
        regionCode: '75',
        address: 'Чита, ул. Ленина, 1',
        categoryType: 'nko',
        categoryId: 'medicine',
        urgent: true,
        labels: ['vip'],
        sourceSystem: 'rtk',
        sourceId: 'RTK-1',
      },
      create,
    );
    expect(await created.json()).toMatchObject({ id: 'c-1', status: { code: 'new' } });
    await send(
      'operator',
      '/cases',
      {
        number: '340821',
        applicant: { name: 'Иванова Анна', phone: '+7 914 000-00-00' },
        text: 'Нужна помощь с продуктами',
        regionCode: '75',
        categoryType: 'nko',
        categoryId: 'medicine',
      },
      create,
    );
    await send(
      'supervisor75',
      '/cases/c-1/events',
      { type: 'case.assign', executorId: 'exec-75', executionDueDate: '2025-02-01' },
      event,
    );
    await send('executor75', '/cases/c-1/events', { type: 'case.lock' }, event);
    await send(
      'executor75',
      '/cases/c-1/events',
      { type: 'case.contact_attempt', outcome: 'no_answer', comment: 'Не берёт трубку' },
      event,
    );
    await send(
      'executor75',
      '/cases/c-1/events',
      { type: 'case.comment', text: 'Лекарства заказаны' },
      event,
    );
    const upload = multipart([{ filename: 'чек.pdf', bytes: pdfBytes() }]);
    const uploaded = await w.app.request('/files', {
      method: 'POST',
      headers: { authorization: 'Bearer executor75', 'content-type': upload.contentType },
      body: upload.body,
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const fileId = ((await uploaded.json()) as { files: { id: string }[] }).files[0]?.id;
    await send(
      'executor75',
      '/cases/c-1/events',
      {
        type: 'case.resolve',
        description: 'Лекарства доставлены',
        files: [{ name: 'акт.pdf', size: 1024 }, { fileId }],
      },
      event,
    );
    const checking = await w.call('GET', '/cases/c-1', as('curator75'));
    await check(checking, 'CaseView');
    expect(await checking.json()).toMatchObject({
      card: { resolution: { files: [{ name: 'акт.pdf' }, { fileId, name: 'чек.pdf' }] } },
      files: [{ id: fileId, field: 'resolution', downloadUrl: `/files/${fileId}` }],
    });
    await send(
      'curator75',
      '/cases/c-1/events',
      { type: 'case.return', comment: 'Приложите чек' },
      event,
    );
    await send('executor75', '/cases/c-1/events', { type: 'case.lock' }, event);
    const postponed = await send(
      'executor75',
      '/cases/c-1/events',
      { type: 'case.postpone', until: '2025-02-10', reason: 'Ждём поставку' },
      event,
    );
    expect(await postponed.json()).toMatchObject({ status: { code: 'postponed' } });

    const view = await w.call('GET', '/cases/c-1', as('executor75'));
    await check(view, 'CaseView');
    const viewed = (await view.json()) as { card: Record<string, unknown> };
    for (const part of ['postponement', 'lastReturn']) {
      expect(viewed.card[part], part).not.toBeNull();
    }
    expect(viewed.card.contactAttempts).toHaveLength(1);
    expect(validator('CaseView')({ ...viewed, card: {} })).toBe(false);

    const page = await w.call('GET', '/cases?limit=1', as('curator75'));
    await check(page, 'CasePage');
    expect(((await page.json()) as { nextCursor: unknown }).nextCursor).toEqual(expect.any(String));
    await check(await w.call('GET', '/cases', as('curator75')), 'CasePage');
    const history = await w.call('GET', '/cases/c-1/history', as('curator75'));
    await check(history, 'CaseHistory');
    expect(
      ((await history.json()) as { items: { type: string }[] }).items.map((i) => i.type),
    ).toEqual([
      'case.create',
      'case.assign',
      'case.lock',
      'case.contact_attempt',
      'case.comment',
      'case.resolve',
      'case.return',
      'case.lock',
      'case.postpone',
    ]);

    for (const res of [
      await w.call('GET', '/cases/none', as('curator75')),
      await w.call('POST', '/cases', as('system', { caseId: 'x' })),
      await w.call('POST', '/cases/c-1/events', as('curator75', { type: 'case.lock' })),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      await check(res, 'Problem');
    }
    expect(validator('CaseBody')({ type: 'case.lock', at: 1 })).toBe(true);
    expect(validator('CaseBody')({ type: 'case.nope' })).toBe(false);
    expect(validator('CreateCaseBody')({ caseId: 'x' })).toBe(false);
  });
});
