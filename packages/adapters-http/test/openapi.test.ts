import {
  caseEventTypes,
  caseRecordSchema,
  createMemoryStore,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';
import { createOnfDemoDirectory, onfDemoUsers } from '@reshaem/core/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, type OpenApiDocument } from '../src/index.js';
import {
  drive,
  json,
  operatorBody,
  potholeBody,
  toAnswerSent,
  toCoordination,
  users,
  world,
} from './support.js';

const documentOf = async (w = world()) =>
  json<OpenApiDocument>(await w.call('GET', '/openapi.json'));

/** The app's routes as `METHOD /openapi/{style}`, without middleware-only entries. */
function appRoutes(app: ReturnType<typeof world>['app']): Set<string> {
  const routes = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    routes.add(`${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
  }
  return routes;
}

/** The document's component schemas, compiled by Ajv (JSON Schema 2020-12, with formats). */
function componentValidators(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://reshaem.test/openapi.json', components: doc.components });
  const validator = (schema: string) => {
    const validate = ajv.getSchema(
      `https://reshaem.test/openapi.json#/components/schemas/${schema}`,
    );
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate;
  };
  /** Asserts that a value is valid against a component schema. */
  const expectValid = (value: unknown, schema: string) => {
    const validate = validator(schema);
    expect(validate(value), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
  };
  /** Asserts that a response body is valid against a component schema. */
  const check = async (res: Response, schema: string) => {
    expectValid(await res.clone().json(), schema);
  };
  return { validator, expectValid, check };
}

function documentedRoutes(doc: OpenApiDocument): Set<string> {
  const routes = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return routes;
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await documentOf();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of the app, and nothing the app does not serve', async () => {
    const w = world();
    const doc = await documentOf(w);
    expect(documentedRoutes(doc)).toEqual(appRoutes(w.app));
  });

  it('gives every operation an id, a summary and its problem responses', async () => {
    const doc = await documentOf();
    const ids = new Set<string>();
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item) as {
        operationId: string;
        summary: string;
        security?: unknown[];
        responses: Record<string, unknown>;
      }[]) {
        expect(op.summary).toBeTruthy();
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        if (op.security === undefined) expect(Object.keys(op.responses)).toContain('401');
      }
    }
    // 17 message and case operations, 8 organisation-admin ones.
    expect(ids.size).toBe(25);
  });

  it('documents 503 unavailable, with Retry-After, on every operation that reaches the store', async () => {
    const doc = await documentOf();
    const responses = doc.components.responses as Record<string, { headers: object }>;
    expect(responses.Unavailable?.headers).toHaveProperty('Retry-After');
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item) as { tags: string[]; responses: object }[]) {
        if (op.tags.includes('meta')) expect(op.responses).not.toHaveProperty('503');
        else
          expect(op.responses).toHaveProperty('503', {
            $ref: '#/components/responses/Unavailable',
          });
      }
    }
  });

  it('names every event variant and the catalogue, from the zod schemas', async () => {
    const doc = await documentOf();
    const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
    const body = schemas.MessageEventBody as {
      oneOf: unknown[];
      discriminator: { mapping: Record<string, string> };
    };
    expect(body.oneOf.length).toBe(Object.keys(body.discriminator.mapping).length);
    expect(body.discriminator.mapping['answer.submit']).toBe(
      '#/components/schemas/AnswerSubmitEvent',
    );
    const submit = schemas.AnswerSubmitEvent as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(submit.required).toEqual(['type', 'answer']);
    expect(submit.properties).not.toHaveProperty('at');
    expect(submit.properties).not.toHaveProperty('by');
    expect(schemas.SubmitMessageBody?.properties).not.toHaveProperty('number');
    expect(JSON.stringify(schemas.ShownMessage)).toContain('"format":"date-time"');
    // Fields some callers may not see (SPEC §11) are nullable, in the answers too.
    const message = schemas.ShownMessage as { properties: Record<string, unknown> };
    expect(JSON.stringify(message.properties.submittedBy)).toContain('"null"');
    const answer = schemas.ShownAnswer as { properties: Record<string, unknown> };
    expect(JSON.stringify(answer.properties.preparedBy)).toContain('"null"');
    expect(schemas.MessageListItem?.properties).toMatchObject({
      message: { $ref: '#/components/schemas/ShownMessage' },
    });
  });

  it('describes the card endpoints with schemas generated from zod', async () => {
    const doc = await documentOf();
    const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
    const body = schemas.CaseBody as {
      oneOf: unknown[];
      discriminator: { propertyName: string; mapping: Record<string, string> };
    };
    expect(body.discriminator.propertyName).toBe('type');
    expect(Object.keys(body.discriminator.mapping)).toEqual(caseEventTypes);
    expect(body.oneOf).toEqual(Object.values(body.discriminator.mapping).map(($ref) => ({ $ref })));
    expect(body.discriminator.mapping['case.contact_attempt']).toBe(
      '#/components/schemas/CaseContactAttemptEvent',
    );
    const assign = schemas.CaseAssignEvent as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(assign.required).toEqual(['type', 'executorId']);
    expect(assign.properties).not.toHaveProperty('at');
    expect(assign.properties).not.toHaveProperty('by');
    const create = schemas.CreateCaseBody as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(create.required).not.toContain('caseId');
    expect(create.properties).toHaveProperty('caseId');
    for (const field of ['type', 'at', 'by']) expect(create.properties).not.toHaveProperty(field);
    expect(schemas.CaseView?.properties).toMatchObject({
      card: { $ref: '#/components/schemas/ShownCase' },
      availableEvents: { items: { $ref: '#/components/schemas/CaseEventType' } },
    });
    expect(schemas.ShownCase?.required).toEqual(Object.keys(caseRecordSchema.shape));
    expect(schemas.CaseHistory?.properties).toMatchObject({
      items: { items: { $ref: '#/components/schemas/CaseHistoryItem' } },
    });
  });

  it('takes title, version and servers from the options', () => {
    const doc = buildOpenApiDocument({
      title: 'Портал',
      version: '2.0.0',
      servers: [{ url: '/api' }],
    });
    expect(doc.info).toMatchObject({ title: 'Портал', version: '2.0.0' });
    expect(doc.servers).toEqual([{ url: '/api' }]);
  });
});

describe('responses match the document', () => {
  it('every body the tests see validates against its documented schema', async () => {
    const w = world();
    const doc = await documentOf(w);
    const { validator, check } = componentValidators(doc);
    expect(validator('MessageView')({ id: 'm', version: 1 })).toBe(false);
    const created = await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    await check(created, 'MessageView');
    const id = await drive(w, toAnswerSent);
    await drive(w, [], { as: 'operator', body: operatorBody() });
    await check(await w.call('GET', `/messages/${id}`, { as: 'applicant' }), 'MessageView');
    await check(await w.call('GET', '/messages?limit=2', { as: 'coordinatorGov' }), 'MessagePage');
    await check(await w.call('GET', `/messages/${id}/history`, { as: 'headRoads' }), 'History');
    await check(await w.call('GET', '/folders', { as: 'coordinatorGov' }), 'Folders');
    await check(await w.call('GET', '/catalogue'), 'Catalogue');
    const other = await drive(w, toCoordination);
    await check(
      await w.call('POST', `/messages/${other}/events`, {
        as: 'coordinatorRoads',
        body: {
          type: 'executor.assign',
          executorId: users.executorRoads.id,
          executionDueAt: '2025-01-20T00:00:00Z',
        },
      }),
      'MessageView',
    );
    for (const res of [
      await w.call('GET', '/messages/none', { as: 'applicant' }),
      await w.call('POST', '/messages', { as: 'applicant', body: { channel: 1 } }),
      await w.call('GET', '/folders'),
      await w.call('POST', `/messages/${other}/events`, {
        as: 'coordinatorRoads',
        body: { type: 'answer.approve' },
      }),
    ]) {
      await check(res, 'Problem');
    }
  });
});

describe('card responses match the document', () => {
  const onfUsers: Record<string, Principal> = { ...onfDemoUsers, system: SYSTEM_PRINCIPAL };
  const onfWorld = () =>
    world({
      store: createMemoryStore({ directory: createOnfDemoDirectory() }),
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
    await send(
      'executor75',
      '/cases/c-1/events',
      {
        type: 'case.resolve',
        description: 'Лекарства доставлены',
        files: [{ name: 'акт.pdf', size: 1024 }],
      },
      event,
    );
    const checking = await w.call('GET', '/cases/c-1', as('curator75'));
    await check(checking, 'CaseView');
    expect(await checking.json()).toMatchObject({ card: { resolution: { files: [{}] } } });
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

describe('GET /docs', () => {
  it('renders the document as one page with no scripts and nothing from a CDN', async () => {
    const w = world();
    const res = await w.call('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).not.toMatch(/<script|https?:\/\/(?!reshaem\.dev)/i);
    const doc = await documentOf(w);
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item) as { operationId: string }[]) {
        expect(html).toContain(`id="${op.operationId}"`);
      }
    }
    expect(html).toContain('id="schema-MessageView"');
    expect(html).toContain('href="#schema-SubmitMessageBody"');
  });
});
