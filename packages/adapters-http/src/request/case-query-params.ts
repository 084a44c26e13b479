import { type CaseQuery, caseQuerySchema, decodeCursor, issuesFromZod } from '@reshaem/core';
import { type FieldError, validationProblem } from '../problems.js';

type ParamKind = 'list' | 'boolean' | 'number' | 'string';

/** What a query parameter holds, read off the core's schema (optional/default unwrapped). */
function kindOf(schema: unknown): ParamKind {
  let def = (schema as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
  while ((def.type === 'optional' || def.type === 'default') && def.innerType) {
    def = (def.innerType as typeof schema & { _zod: { def: typeof def } })._zod.def;
  }
  if (def.type === 'array') return 'list';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'number') return 'number';
  return 'string';
}

const kinds = new Map<string, ParamKind>(
  Object.entries(caseQuerySchema.shape).map(([key, schema]) => [key, kindOf(schema)]),
);
const pagingKeys = new Set(['limit', 'cursor']);

const scalar = (kind: ParamKind, value: string): unknown => {
  if (kind === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
  if (kind === 'number') return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
  return value;
};

/**
 * Turns query parameters into the core's case query (SPEC §9 filters): lists repeat the
 * parameter (`?labelsAbsent=a&labelsAbsent=b`), unknown parameters are refused (422). The
 * export takes the same filters without paging.
 */
export function parseCaseListQuery(
  params: Record<string, string[]>,
  options: { maxPageSize: number; paging: boolean },
): CaseQuery {
  const errors: FieldError[] = [];
  const input: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(params)) {
    const kind = kinds.get(name);
    if (kind === undefined || (!options.paging && pagingKeys.has(name))) {
      errors.push({ in: 'query', path: [name], message: 'unknown query parameter' });
    } else if (kind === 'list') input[name] = values;
    else if (values.length > 1) {
      errors.push({ in: 'query', path: [name], message: 'give this parameter once' });
    } else if (values[0] !== undefined) input[name] = scalar(kind, values[0]);
  }
  if (options.paging && input.limit === undefined) input.limit = Math.min(50, options.maxPageSize);
  const parsed = caseQuerySchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of issuesFromZod(parsed.error)) {
      errors.push({ in: 'query', path: issue.path, message: issue.message });
    }
  }
  if (errors.length > 0 || !parsed.success) throw validationProblem(errors);
  const query = parsed.data;
  if (options.paging && query.limit > options.maxPageSize) {
    const message = `a page holds at most ${options.maxPageSize}`;
    throw validationProblem([{ in: 'query', path: ['limit'], message }]);
  }
  if (query.cursor !== undefined && decodeCursor(query.cursor) === undefined) {
    throw validationProblem([{ in: 'query', path: ['cursor'], message: 'malformed cursor' }]);
  }
  return query;
}
