import { answerTemplateSchema, autoruleSchema, notificationConfigSchema } from '@reshaem/core';
import { z } from 'zod';
import type { JsonSchema } from './components.js';
import { schemaRef } from './components.js';
import { type Paths, problems } from './operations.js';

const json = (schema: unknown) => ({ 'application/json': { schema } });

const input = (schema: z.ZodType): JsonSchema => {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const list = (item: string) => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: schemaRef(item) } },
});

const orgId = {
  name: 'orgId',
  in: 'path',
  required: true,
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  description: 'The organisation whose settings these are',
};

const guarded = problems('unauthenticated', 'forbidden', 'not-found');
const writing = problems(
  'unauthenticated',
  'forbidden',
  'not-found',
  'malformed-json',
  'payload-too-large',
  'unsupported-media-type',
  'validation',
);

/** A GET and a PUT of one of the organisation's settings lists. */
function settingsList(name: string, item: string, what: string, saveNote: string) {
  return {
    get: {
      operationId: `get${name}`,
      tags: ['admin'],
      summary: `The organisation’s ${what}`,
      parameters: [orgId],
      responses: {
        '200': { description: `The ${what}`, content: json(list(item)) },
        ...guarded,
      },
    },
    put: {
      operationId: `put${name}`,
      tags: ['admin'],
      summary: `Replace the organisation’s ${what}`,
      description: `${saveNote} Each item’s \`orgId\` defaults to the path’s. Every invalid field is listed in the 422 problem’s \`errors\`, with its path under \`items\`.`,
      parameters: [orgId],
      requestBody: { required: true, content: json(list(item)) },
      responses: {
        '200': { description: `The ${what} as saved`, content: json(list(item)) },
        ...writing,
      },
    },
  };
}

/** The component schemas of the admin operations. */
export function adminComponentSchemas(): Record<string, JsonSchema> {
  return {
    Autorule: input(autoruleSchema),
    NotificationConfig: input(notificationConfigSchema),
    AnswerTemplate: input(answerTemplateSchema),
  };
}

/** The organisation admin’s operations: autorules, notifications, answer templates. */
export function adminPaths(): Paths {
  const base = '/admin/organisations/{orgId}';
  return {
    [`${base}/autorules`]: settingsList(
      'Autorules',
      'Autorule',
      'autorules',
      'Rules are checked against the directory (`checkAutorule`).',
    ),
    [`${base}/autorules/test`]: {
      post: {
        operationId: 'testAutorule',
        tags: ['admin'],
        summary: 'Try a rule on a message before saving it (a dry run: nothing is stored)',
        description:
          'The trial says whether the rule matches (and which criteria fail), whether it would act on the message now, and whether the workflow would accept its event.',
        parameters: [orgId],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['rule', 'messageId'],
            properties: { rule: schemaRef('Autorule'), messageId: { type: 'string' } },
          }),
        },
        responses: {
          '200': {
            description: 'The trial (`accepted`, `refused`, `no_match`, `not_applicable`)',
            content: json({
              type: 'object',
              required: ['trial'],
              properties: {
                trial: {
                  type: 'object',
                  required: ['kind'],
                  properties: { kind: { type: 'string' } },
                },
              },
            }),
          },
          ...writing,
        },
      },
    },
    [`${base}/notifications`]: settingsList(
      'Notifications',
      'NotificationConfig',
      'e-mail notifications',
      'Templates are compiled here: an unknown placeholder is a 422, never a send-time error.',
    ),
    [`${base}/answer-templates`]: settingsList(
      'AnswerTemplates',
      'AnswerTemplate',
      'answer templates',
      'Templates are compiled here: an unknown placeholder is a 422.',
    ),
    [`${base}/answer-templates/{templateId}/render`]: {
      post: {
        operationId: 'renderAnswerTemplate',
        tags: ['admin'],
        summary: 'The answer text a template gives for a message',
        parameters: [
          orgId,
          { name: 'templateId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'messageId', in: 'query', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            description: 'The rendered text',
            content: json({
              type: 'object',
              required: ['templateId', 'messageId', 'text'],
              properties: {
                templateId: { type: 'string' },
                messageId: { type: 'string' },
                text: { type: 'string' },
              },
            }),
          },
          ...problems('unauthenticated', 'forbidden', 'not-found', 'validation'),
        },
      },
    },
  };
}
