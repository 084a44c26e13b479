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
    expect(JSON.stringify(schemas.Message)).toContain('"format":"date-time"');
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
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'https://reshaem.test/openapi.json', components: doc.components });
    const messageView = ajv.getSchema(
      'https://reshaem.test/openapi.json#/components/schemas/MessageView',
    );
    expect(messageView?.({ id: 'm', version: 1 })).toBe(false);
    const check = async (res: Response, schema: string) => {
      const validate = ajv.getSchema(
        `https://reshaem.test/openapi.json#/components/schemas/${schema}`,
      );
      if (!validate) throw new Error(`no schema ${schema}`);
      const body = await res.clone().json();
      expect(validate(body), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
    };
    const created = await w.call('POST', '/messages', { as: 'applicant', body: potholeBody() });
    await check(created, 'MessageView');
    const id = await drive(w, toAnswerSent);
    await drive(w, [], { as: 'operator', body: operatorBody() });
    await check(await w.call('GET', `/messages/${id}`, { as: 'applicant' }), 'MessageView');
    await check(await w.call('GET', '/messages?limit=2', { as: 'coordinatorGov' }), 'MessagePage');
    await check(await w.call('GET', `/messages/${id}/history`, { as: 'headRoads' }), 'History');
    await check(await w.call('GET', '/folders', { as: 'operator' }), 'Folders');
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
