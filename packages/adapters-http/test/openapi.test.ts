import { caseEventTypes, caseRecordSchema } from '@reshaem/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, type OpenApiDocument } from '../src/index.js';
import { componentValidators, documentOf } from './openapi-support.js';
import {
  drive,
  operatorBody,
  potholeBody,
  toAnswerSent,
  toCoordination,
  users,
  world,
} from './support.js';

/** The app's routes as `METHOD /openapi/{style}`, without middleware-only entries. */
function appRoutes(app: ReturnType<typeof world>['app']): Set<string> {
  const routes = new Set<string>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue;
    routes.add(`${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
  }
  return routes;
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
    // 17 message and case operations, 8 organisation-admin ones, the message and card indicators.
    expect(ids.size).toBe(27);
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
