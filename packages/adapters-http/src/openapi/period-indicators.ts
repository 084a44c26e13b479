import type { JsonSchema } from './components.js';
import { schemaRef } from './components.js';
import { problems } from './operations.js';

/** A query parameter of an operation. */
export const queryParam = (
  name: string,
  schema: JsonSchema,
  description: string,
  required = false,
) => ({ name, in: 'query', required, schema, description });

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type QueryParam = ReturnType<typeof queryParam>;

/**
 * The parameters every period's indicators take around their own: the period, `groupBy` with
 * the grouping's values, the operation's scope filters, the region and the category, its
 * further filters, and the format last.
 */
export function periodIndicatorParameters(
  groupBy: { values: readonly string[]; description: string },
  own: { scope?: QueryParam[]; more?: QueryParam[] } = {},
): QueryParam[] {
  return [
    queryParam('from', { type: 'string', format: 'date' }, 'First day of the period', true),
    queryParam('to', { type: 'string', format: 'date' }, 'Last day of the period', true),
    queryParam('groupBy', { type: 'string', enum: [...groupBy.values] }, groupBy.description, true),
    ...(own.scope ?? []),
    queryParam('region', { type: 'string', pattern: '^\\d{2,3}$' }, 'A region code, `41`'),
    queryParam('categoryId', { type: 'string' }, 'Only this category'),
    ...(own.more ?? []),
    queryParam(
      'format',
      { type: 'string', enum: ['json', 'xlsx'] },
      'Overrides `Accept`; JSON by default',
    ),
  ];
}

/** The answers of a period's indicators: the figures as JSON or one XLSX sheet, or a problem. */
export function periodIndicatorResponses(schemaName: string, description: string) {
  return {
    '200': {
      description,
      content: {
        'application/json': { schema: schemaRef(schemaName) },
        [xlsx]: { schema: { type: 'string', contentMediaType: xlsx } },
      },
    },
    ...problems('validation', 'unauthenticated', 'forbidden'),
  };
}
