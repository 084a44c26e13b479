import { type ProblemKind, problemKinds, problemType } from '../problems.js';
import { schemaRef } from './components.js';
import { filterParameters, header, ref } from './parameters.js';

type Operation = Record<string, unknown>;
export type Paths = Record<string, Record<string, Operation>>;

const json = (schema: unknown) => ({ 'application/json': { schema } });

/** The problem responses of an operation, one per status, naming each `type` it may carry. */
export function problems(...kinds: ProblemKind[]): Record<string, unknown> {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of kinds) {
    const status = problemKinds[kind].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), kind]);
  }
  const responses: Record<string, unknown> = {};
  for (const [status, group] of byStatus) {
    responses[String(status)] = {
      description: group.map((k) => `${problemKinds[k].title} (${problemType(k)})`).join('; '),
      content: { 'application/problem+json': { schema: schemaRef('Problem') } },
    };
  }
  return responses;
}

const versionConflictWithoutIfMatch = {
  description: `Not allowed in this status (${problemType('not-allowed-in-status')}); or, without If-Match, a concurrent write won (${problemType('version-conflict')})`,
  content: { 'application/problem+json': { schema: schemaRef('Problem') } },
};

const exportOperation = (format: 'xlsx' | 'csv', mediaType: string) => ({
  operationId: format === 'xlsx' ? 'exportMessagesXlsx' : 'exportMessagesCsv',
  tags: ['export'],
  summary: `Export the filtered list as ${format.toUpperCase()} in the ПОС export format`,
  description:
    'One row per message, the ПОС export columns in their order, Russian values (dates dd.mm.yyyy in the holding organisation’s zone, «Да»/«Нет», «-» for empty). Streamed: the file is written while the list is read.',
  parameters: [
    ...filterParameters(false),
    {
      name: 'location',
      in: 'query',
      required: false,
      schema: { type: 'boolean', default: false },
      description:
        'Adds the place extension after the ПОС columns: «Адрес проблемы», «Широта», «Долгота» (WGS84). Off by default, so the ПОС format stays exact.',
    },
  ],
  responses: {
    '200': {
      description: `The ${format.toUpperCase()} file`,
      content: { [mediaType]: { schema: { type: 'string', contentMediaType: mediaType } } },
    },
    ...problems('unauthenticated', 'forbidden', 'validation'),
  },
});

/** Every operation of the API. The test suite checks that each app route is listed here. */
export function paths(): Paths {
  return {
    '/messages': {
      post: {
        operationId: 'submitMessage',
        tags: ['messages'],
        summary: 'Submit a message (applicant) or enter a phoned-in one (operator)',
        description:
          'The server stamps the instant and the principal and assigns the public number. Messages from the `operator` channel start in `coordination`, the rest in `moderation`.',
        parameters: [ref('IdempotencyKey')],
        requestBody: { required: true, content: json(schemaRef('SubmitMessageBody')) },
        responses: {
          '201': {
            description: 'The new message',
            headers: {
              ETag: header('ETag'),
              Location: header('Location'),
              'Idempotent-Replayed': header('IdempotentReplayed'),
            },
            content: json(schemaRef('MessageView')),
          },
          ...problems(
            'malformed-json',
            'unauthenticated',
            'forbidden',
            'already-exists',
            'payload-too-large',
            'unsupported-media-type',
            'validation',
            'idempotency-conflict',
          ),
        },
      },
      get: {
        operationId: 'listMessages',
        tags: ['messages'],
        summary: 'List the messages the caller may see, filtered and sorted (SPEC §7)',
        parameters: filterParameters(true),
        responses: {
          '200': { description: 'One page', content: json(schemaRef('MessagePage')) },
          ...problems('unauthenticated', 'forbidden', 'validation'),
        },
      },
    },
    '/messages/export.xlsx': {
      get: exportOperation(
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    },
    '/messages/export.csv': { get: exportOperation('csv', 'text/csv') },
    '/messages/{id}': {
      get: {
        operationId: 'getMessage',
        tags: ['messages'],
        summary:
          'One message: status, deadlines with the countdown, and the events the caller may send',
        parameters: [ref('MessageId'), ref('IfNoneMatch')],
        responses: {
          '200': {
            description: 'The message',
            headers: { ETag: header('ETag') },
            content: json(schemaRef('MessageView')),
          },
          '304': { description: 'Not modified since the given ETag' },
          ...problems('unauthenticated', 'not-found'),
        },
      },
    },
    '/messages/{id}/events': {
      post: {
        operationId: 'sendMessageEvent',
        tags: ['messages'],
        summary: 'Apply one event to a message',
        description:
          'The body is the event, `{ type, ...payload }`; the server stamps `at` and `by`. A message the caller cannot see is 404 whatever the event.',
        parameters: [ref('MessageId'), ref('IfMatch'), ref('IdempotencyKey')],
        requestBody: { required: true, content: json(schemaRef('MessageEventBody')) },
        responses: {
          '200': {
            description: 'The message after the event',
            headers: { ETag: header('ETag'), 'Idempotent-Replayed': header('IdempotentReplayed') },
            content: json(schemaRef('MessageView')),
          },
          ...problems(
            'malformed-json',
            'unauthenticated',
            'forbidden',
            'not-found',
            'version-conflict',
            'payload-too-large',
            'unsupported-media-type',
            'validation',
            'idempotency-conflict',
          ),
          '409': versionConflictWithoutIfMatch,
        },
      },
    },
    '/messages/{id}/history': {
      get: {
        operationId: 'getMessageHistory',
        tags: ['messages'],
        summary: 'The history of a message (ход работ), oldest first',
        parameters: [ref('MessageId')],
        responses: {
          '200': { description: 'Every event', content: json(schemaRef('History')) },
          ...problems('unauthenticated', 'not-found'),
        },
      },
    },
    '/folders': {
      get: {
        operationId: 'listFolders',
        tags: ['backoffice'],
        summary: 'The backoffice folders and queues the caller works, with their counts',
        responses: {
          '200': { description: 'Folders', content: json(schemaRef('Folders')) },
          ...problems('unauthenticated', 'forbidden'),
        },
      },
    },
    '/catalogue': {
      get: {
        operationId: 'getCatalogue',
        tags: ['catalogue'],
        summary: 'Categories, subcategories with their deadline rules, and facts',
        security: [],
        responses: {
          '200': { description: 'The catalogue', content: json(schemaRef('Catalogue')) },
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['meta'],
        summary: 'This document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } },
      },
    },
    '/docs': {
      get: {
        operationId: 'getApiDocs',
        tags: ['meta'],
        summary: 'This document as a page (self-contained HTML, no scripts)',
        security: [],
        responses: {
          '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
  };
}
