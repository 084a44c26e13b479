import { type JsonSchema, queryParameterSchemas } from './components.js';

export const ref = (name: string) => ({ $ref: `#/components/parameters/${name}` });
export const header = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** Reusable parameters and headers of the document's `components`. */
export const componentParameters = {
  MessageId: {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'The message id',
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    schema: { type: 'string', minLength: 1, maxLength: 255 },
    description:
      'Repeating a request with the same key (per caller) replays the first successful response instead of applying it twice; the same key with a different body is refused (422).',
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'The ETag (`"<version>"`) the caller last saw; 412 when the message has moved on.',
  },
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: '304 when the message is still at this ETag.',
  },
};

export const componentHeaders = {
  ETag: { description: 'The message version, `"<version>"`', schema: { type: 'string' } },
  Location: { description: 'Where the new message is', schema: { type: 'string' } },
  IdempotentReplayed: {
    description: '`true` when the response replays an earlier request with the same key',
    schema: { type: 'string', enum: ['true'] },
  },
  RetryAfter: {
    description: 'Seconds to wait before retrying',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

/** SPEC §7 filters as query parameters; lists repeat the parameter (`?statuses=a&statuses=b`). */
export function filterParameters(paging: boolean): unknown[] {
  const schemas: Record<string, JsonSchema> = queryParameterSchemas();
  return Object.entries(schemas)
    .filter(([name]) => paging || !['limit', 'cursor', 'withTotal'].includes(name))
    .map(([name, schema]) => {
      const { description, ...rest } = schema;
      return {
        name,
        in: 'query',
        required: false,
        schema: rest,
        ...(typeof description === 'string' ? { description } : {}),
        ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
      };
    });
}
