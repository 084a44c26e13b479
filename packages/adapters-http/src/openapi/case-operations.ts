import { caseQuerySchema, caseStatusSchema, shownCaseSchema } from '@reshaem/core';
import { z } from 'zod';
import { problemKinds, problemType } from '../problems.js';
import { caseEventBodySchema, createCaseBodySchema } from '../schemas/case-bodies.js';
import {
  caseEventTypeSchema,
  caseHistoryItemSchema,
  caseHistorySchema,
  caseListItemSchema,
  casePageSchema,
  caseStatusViewSchema,
  caseViewSchema,
} from '../schemas/case-views.js';
import {
  addEventBodies,
  generate,
  type JsonSchema,
  type Registry,
  schemaRef,
} from './components.js';
import { header, ref } from './parameters.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });
const problemRef = { 'application/problem+json': { schema: schemaRef('Problem') } };
type Kind = keyof typeof problemKinds;
/** The problem responses of an operation, one per status. */
function problems(...kinds: Kind[]): Record<string, unknown> {
  const byStatus = new Map<number, Kind[]>();
  for (const k of kinds)
    byStatus.set(problemKinds[k].status, [...(byStatus.get(problemKinds[k].status) ?? []), k]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.map((k) => `${problemKinds[k].title} (${problemType(k)})`).join('; '),
        content: problemRef,
      },
    ]),
  );
}

const caseId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  description: 'The card id',
};

/** SPEC §9 filters as query parameters, from the core's `caseQuerySchema`. */
function caseFilterParameters(paging: boolean): unknown[] {
  const { properties } = z.toJSONSchema(caseQuerySchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as { properties: Record<string, JsonSchema> };
  return Object.entries(properties)
    .filter(([name]) => paging || (name !== 'limit' && name !== 'cursor'))
    .map(([name, schema]) => ({
      name,
      in: 'query',
      required: false,
      schema,
      ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
    }));
}

/** Response bodies of the case operations, as the server writes them. */
function caseResponseSchemas(): Record<string, JsonSchema> {
  const registry: Registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => registry.add(schema, { id });
  add(caseStatusSchema, 'CaseStatus');
  add(caseEventTypeSchema, 'CaseEventType');
  add(caseStatusViewSchema, 'CaseStatusView');
  add(shownCaseSchema, 'ShownCase');
  add(caseListItemSchema, 'CaseListItem');
  add(caseViewSchema, 'CaseView');
  add(casePageSchema, 'CasePage');
  add(caseHistoryItemSchema, 'CaseHistoryItem');
  add(caseHistorySchema, 'CaseHistory');
  return generate(registry, 'output');
}

/** Request bodies of the case operations, as clients send them. */
function caseRequestSchemas(): Record<string, JsonSchema> {
  const registry: Registry = z.registry<{ id: string }>();
  registry.add(createCaseBodySchema, { id: 'CreateCaseBody' });
  const discriminator = addEventBodies(registry, caseEventBodySchema, 'CaseBody');
  const schemas = generate(registry, 'input');
  schemas.CreateCaseBody = {
    description: 'The `case.create` payload without `type`, `at` and `by`',
    ...schemas.CreateCaseBody,
  };
  schemas.CaseBody = {
    description: 'A case event `{ type, ...payload }` (`at`, `by` and facts are the server’s)',
    ...schemas.CaseBody,
    discriminator,
  };
  return schemas;
}

/** The case schemas of `components.schemas`, generated from the zod schemas. */
export const caseComponentSchemas = (): Record<string, JsonSchema> => ({
  ...caseResponseSchemas(),
  ...caseRequestSchemas(),
});

const writeProblems = problems(
  'malformed-json',
  'unauthenticated',
  'forbidden',
  'not-found',
  'not-allowed-in-status',
  'version-conflict',
  'lock-conflict',
  'payload-too-large',
  'unsupported-media-type',
  'validation',
  'idempotency-conflict',
);
const viewHeaders = { ETag: header('ETag'), 'Idempotent-Replayed': header('IdempotentReplayed') };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The ОНФ operations, when the store serves cards. */
export function casePaths(): Record<string, Record<string, Record<string, unknown>>> {
  return {
    '/cases': {
      post: {
        operationId: 'createCase',
        tags: ['cases'],
        summary: 'Open an ОНФ card (source system or call-centre operator)',
        parameters: [ref('IdempotencyKey')],
        requestBody: { required: true, content: json(schemaRef('CreateCaseBody')) },
        responses: {
          '201': {
            description: 'The new card',
            headers: viewHeaders,
            content: json(schemaRef('CaseView')),
          },
          ...problems(
            'malformed-json',
            'unauthenticated',
            'forbidden',
            'already-exists',
            'validation',
            'idempotency-conflict',
          ),
        },
      },
      get: {
        operationId: 'listCases',
        tags: ['cases'],
        summary: 'The cards the caller may see, filtered (SPEC §9), one page',
        parameters: caseFilterParameters(true),
        responses: {
          '200': { description: 'One page', content: json(schemaRef('CasePage')) },
          ...problems('unauthenticated', 'validation'),
        },
      },
    },
    '/cases/export.xlsx': {
      get: {
        operationId: 'exportCasesXlsx',
        tags: ['cases'],
        summary: 'The filtered list as an Excel workbook («Выгрузить в Excel»), streamed',
        parameters: caseFilterParameters(false),
        responses: {
          '200': {
            description: 'The XLSX file',
            content: { [XLSX]: { schema: { type: 'string', contentMediaType: XLSX } } },
          },
          ...problems('unauthenticated', 'validation'),
        },
      },
    },
    '/cases/{id}': {
      get: {
        operationId: 'getCase',
        tags: ['cases'],
        summary: 'A card with the events the caller may send now and its resolution’s files',
        parameters: [caseId, ref('IfNoneMatch')],
        responses: {
          '200': {
            description: 'The card',
            headers: { ETag: header('ETag') },
            content: json(schemaRef('CaseView')),
          },
          '304': { description: 'Not modified' },
          ...problems('unauthenticated', 'not-found'),
        },
      },
    },
    '/cases/{id}/events': {
      post: {
        operationId: 'sendCaseEvent',
        tags: ['cases'],
        summary:
          'Apply one event to a card; 409 lock-conflict when the caller holds another card; `case.resolve` names uploads by `fileId`',
        parameters: [caseId, ref('IfMatch'), ref('IdempotencyKey')],
        requestBody: { required: true, content: json(schemaRef('CaseBody')) },
        responses: {
          '200': {
            description: 'The card after the event',
            headers: viewHeaders,
            content: json(schemaRef('CaseView')),
          },
          ...writeProblems,
        },
      },
    },
    '/cases/{id}/history': {
      get: {
        operationId: 'getCaseHistory',
        tags: ['cases'],
        summary: 'The history of a card, oldest first',
        parameters: [caseId],
        responses: {
          '200': { description: 'Every event', content: json(schemaRef('CaseHistory')) },
          ...problems('unauthenticated', 'not-found'),
        },
      },
    },
  };
}
