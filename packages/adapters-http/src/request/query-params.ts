import { decodeCursor, issuesFromZod, russianErrors } from '@reshaem/core';
import type { z } from 'zod';
import { type FieldError, validationProblem } from '../problems.js';
import { refuseUnstorableQuery } from './storable-input.js';

type ParamKind = 'list' | 'numberList' | 'boolean' | 'number' | 'string';

type Def = { type: string; innerType?: unknown; element?: unknown };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** What a query parameter holds, read off the core's schema (optional/default unwrapped). */
function kindOf(schema: unknown): ParamKind {
  let def = defOf(schema);
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = defOf(def.innerType);
  }
  if (def.type === 'array') return defOf(def.element).type === 'number' ? 'numberList' : 'list';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'number') return 'number';
  return 'string';
}

/** A list's own parameters, which an export (every page at once) does not take. */
const pagingKeys = new Set<string>(['limit', 'cursor', 'withTotal']);

const scalar = (kind: ParamKind, value: string): unknown => {
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (kind === 'number') return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
  return value;
};

export interface QueryParamOptions {
  maxPageSize: number;
  /** Lists page (`limit`, `cursor`); exports take the same filters without paging. */
  paging: boolean;
}

/**
 * A reader of query parameters for one of the core's list-query schemas (messages of
 * SPEC §7, cards of SPEC §9). Every parameter the schema takes is known with its kind, so
 * a filter the core adds is picked up here. Lists repeat the parameter
 * (`?statuses=a&statuses=b`); unknown parameters are refused (422) rather than ignored, so
 * a typo never silently widens a list.
 */
export function queryParamReader<
  S extends z.ZodObject & z.ZodType<{ limit: number; cursor?: string | undefined }>,
>(schema: S): (params: Record<string, string[]>, options: QueryParamOptions) => z.output<S> {
  const kinds = new Map<string, ParamKind>(
    Object.entries(schema.shape).map(([key, field]) => [key, kindOf(field)]),
  );
  return (params, options) => {
    refuseUnstorableQuery(params);
    const errors: FieldError[] = [];
    const input: Record<string, unknown> = {};
    for (const [name, values] of Object.entries(params)) {
      const kind = kinds.get(name);
      if (kind === undefined || (!options.paging && pagingKeys.has(name))) {
        errors.push({ in: 'query', path: [name], message: 'Неизвестный параметр запроса' });
      } else if (kind === 'list') {
        input[name] = values;
      } else if (kind === 'numberList') {
        input[name] = values.map((v) => scalar('number', v));
      } else if (values.length > 1) {
        errors.push({ in: 'query', path: [name], message: 'Укажите этот параметр один раз' });
      } else if (values[0] !== undefined) {
        input[name] = scalar(kind, values[0]);
      }
    }
    if (options.paging && input.limit === undefined) {
      input.limit = Math.min(50, options.maxPageSize);
    }
    const parsed = schema.safeParse(input, russianErrors);
    if (!parsed.success) {
      for (const issue of issuesFromZod(parsed.error)) {
        errors.push({ in: 'query', path: issue.path, message: issue.message });
      }
    }
    if (errors.length > 0 || !parsed.success) throw validationProblem(errors);
    const query = parsed.data as z.output<S> & { limit: number; cursor?: string };
    if (options.paging && query.limit > options.maxPageSize) {
      const message = `На странице не больше ${options.maxPageSize}`;
      throw validationProblem([{ in: 'query', path: ['limit'], message }]);
    }
    if (query.cursor !== undefined && decodeCursor(query.cursor) === undefined) {
      throw validationProblem([{ in: 'query', path: ['cursor'], message: 'Повреждённый курсор' }]);
    }
    return query;
  };
}
