import {
  applicantSchema,
  catalogueSchema,
  channelSchema,
  messageQuerySchema,
  messageStatusSchema,
  shownAnswerSchema,
  shownMessageSchema,
  shownRatingSchema,
} from '@reshaem/core';
import { z } from 'zod';
import { type EventBodyOption, eventBodySchema, submitBodySchema } from '../schemas/bodies.js';
import { problemSchema } from '../schemas/problem.js';
import {
  deadlinesViewSchema,
  foldersSchema,
  historyItemSchema,
  historySchema,
  messageEventTypeSchema,
  messageListItemSchema,
  messagePageSchema,
  messageViewSchema,
  statusViewSchema,
} from '../schemas/views.js';

export type JsonSchema = Record<string, unknown>;
/** Schemas to generate together, each under its component name. */
export type Registry = z.core.$ZodRegistry<{ id: string }>;

export const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** `answer.submit` → `AnswerSubmitEvent`: a name client generators turn into a type. */
export const eventComponentName = (type: string): string =>
  `${type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Event`;

const strip = (schema: JsonSchema): JsonSchema => {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
};

/**
 * Instants are a string pipe with a normalising transform; a transform has no JSON Schema,
 * so a response describes it by its input side (an ISO 8601 date-time), which is also
 * what it outputs. Date patterns are dropped where `format` already says it.
 */
const override = (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => {
  const def = (ctx.zodSchema as { _zod: { def: { type: string; in?: z.ZodType; out?: unknown } } })
    ._zod.def;
  const out = def.out as { _zod?: { def: { type: string } } } | undefined;
  if (def.type === 'pipe' && def.in && out?._zod?.def.type === 'transform') {
    Object.assign(ctx.jsonSchema, strip(z.toJSONSchema(def.in, { io: 'input' }) as JsonSchema));
  }
  if (typeof ctx.jsonSchema.format === 'string') delete ctx.jsonSchema.pattern;
};

/** Responses may gain members in later versions: do not promise there will be none. */
function open(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(open);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = open(value);
  }
  return out;
}

/**
 * The registry's schemas as components: responses (`output`) as the server writes them and
 * open to new members, request bodies (`input`) as clients send them.
 */
export function generate(registry: Registry, io: 'input' | 'output'): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override,
  }) as { schemas: Record<string, JsonSchema> };
  const result: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    result[id] = io === 'output' ? (open(strip(schema)) as JsonSchema) : strip(schema);
  }
  return result;
}

/**
 * Adds an event-body union to a request registry: each variant under its
 * `eventComponentName`, the union under `id`. Returns the union's `discriminator`, to set on
 * its generated schema, so that client generators pick the variant by `type`.
 */
export function addEventBodies(
  registry: Registry,
  union: z.ZodType & { options: readonly EventBodyOption[] },
  id: string,
): { propertyName: 'type'; mapping: Record<string, string> } {
  const mapping: Record<string, string> = {};
  for (const option of union.options) {
    const type = option.shape.type.value;
    registry.add(option, { id: eventComponentName(type) });
    mapping[type] = schemaRef(eventComponentName(type)).$ref;
  }
  registry.add(union, { id });
  return { propertyName: 'type', mapping };
}

/** Request bodies, described as clients send them (defaults make fields optional). */
function requestSchemas(): Record<string, JsonSchema> {
  const registry: Registry = z.registry<{ id: string }>();
  registry.add(submitBodySchema, { id: 'SubmitMessageBody' });
  const discriminator = addEventBodies(registry, eventBodySchema, 'MessageEventBody');
  const schemas = generate(registry, 'input');
  schemas.MessageEventBody = { ...schemas.MessageEventBody, discriminator };
  return schemas;
}

/** Response bodies, described as the server writes them (every default filled in). */
function responseSchemas(): Record<string, JsonSchema> {
  const registry: Registry = z.registry<{ id: string }>();
  const add = (schema: z.ZodType, id: string) => registry.add(schema, { id });
  add(messageStatusSchema, 'MessageStatus');
  add(messageEventTypeSchema, 'MessageEventType');
  add(channelSchema, 'Channel');
  add(applicantSchema, 'Applicant');
  // The message and its answers as the caller may see them (SPEC §11): hidden ids nullable.
  add(shownAnswerSchema, 'ShownAnswer');
  add(shownRatingSchema, 'ShownRating');
  add(shownMessageSchema, 'ShownMessage');
  add(statusViewSchema, 'StatusView');
  add(deadlinesViewSchema, 'Deadlines');
  add(messageListItemSchema, 'MessageListItem');
  add(messageViewSchema, 'MessageView');
  add(messagePageSchema, 'MessagePage');
  add(historyItemSchema, 'HistoryItem');
  add(historySchema, 'History');
  add(foldersSchema, 'Folders');
  add(catalogueSchema, 'Catalogue');
  add(problemSchema, 'Problem');
  return generate(registry, 'output');
}

/** Every schema of the document's `components.schemas`, generated from the zod schemas. */
export const componentSchemas = (): Record<string, JsonSchema> => ({
  ...responseSchemas(),
  ...requestSchemas(),
});

/** The list filters of SPEC §7 as JSON Schemas, one per query parameter. */
export function queryParameterSchemas(): Record<string, JsonSchema> {
  const schema = z.toJSONSchema(messageQuerySchema, { io: 'input', override }) as {
    properties: Record<string, JsonSchema>;
  };
  return schema.properties;
}
