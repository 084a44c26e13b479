import { caseIndicatorGroupBySchema, closeReasonSchema } from '@reshaem/core';
import { MAX_INDICATOR_PERIOD_DAYS } from '../analytics/indicator-params.js';
import { type JsonSchema, schemaRef } from './components.js';
import type { Paths } from './operations.js';
import { periodIndicatorParameters, periodIndicatorResponses } from './period-indicators.js';

const count = { type: 'integer', minimum: 0 };
const counts = ['created', 'done', 'postponed', 'closed', 'open', 'curatorReturns'] as const;

const caseIndicatorRow: JsonSchema = {
  type: 'object',
  description:
    'The ОНФ card indicators of one group (docs/analytics.md, «ОНФ cards»). `doneShare` (0…1) is null over no cards.',
  required: ['key', 'label', ...counts, 'closedByReason', 'doneShare'],
  properties: {
    key: {
      type: 'string',
      description:
        'A region code, a category id, `YYYY-MM-DD` (day; the Monday of a week), `YYYY-MM` (month); `total` in `totals`',
    },
    label: { type: 'string', description: 'The group as people read it, in Russian' },
    ...Object.fromEntries(counts.map((name) => [name, count])),
    closedByReason: {
      type: 'object',
      description: 'The closed cards by the reason of their accepted close request',
      required: [...closeReasonSchema.options],
      properties: Object.fromEntries(closeReasonSchema.options.map((reason) => [reason, count])),
      additionalProperties: false,
    },
    doneShare: { type: ['number', 'null'], minimum: 0, maximum: 1 },
  },
};

/** The component schemas of the ОНФ card indicators. */
export function caseAnalyticsComponentSchemas(): Record<string, JsonSchema> {
  return {
    CaseIndicatorRow: caseIndicatorRow,
    CaseIndicators: {
      type: 'object',
      required: ['from', 'to', 'groupBy', 'rows', 'totals'],
      properties: {
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        groupBy: { type: 'string', enum: caseIndicatorGroupBySchema.options },
        rows: { type: 'array', items: schemaRef('CaseIndicatorRow') },
        totals: schemaRef('CaseIndicatorRow'),
      },
    },
  };
}

/** GET /analytics/case-indicators, present when the store counts the card indicators. */
export function caseAnalyticsPaths(): Paths {
  return {
    '/analytics/case-indicators': {
      get: {
        operationId: 'getCaseIndicators',
        tags: ['analytics'],
        summary: 'The ОНФ card indicators of the cards created in a period, grouped by one key',
        description: `For the ОНФ's overseers (SPEC §9): a supervisor, or a curator of an organisation that receives no ПОС messages, counts their organisation's region's cards; either role held platform-wide (the headquarters) counts every region. Everyone else — executors, moderators, support, operators, ПОС staff — is refused with 403. Periods are local dates of the card's region, both included, at most ${MAX_INDICATOR_PERIOD_DAYS} days. The same figures as an XLSX sheet «Показатели ОНФ» (Russian headers, a row per group, then «Итого»; the share done as a percentage) with \`format=xlsx\` or an \`Accept\` naming the XLSX type. Every bad parameter is listed in the 422 problem's \`errors\`.`,
        parameters: periodIndicatorParameters({
          values: caseIndicatorGroupBySchema.options,
          description: 'One row per region, category, day, ISO week or month',
        }),
        responses: periodIndicatorResponses(
          'CaseIndicators',
          'The card indicators, a row per group and the totals',
        ),
      },
    },
  };
}
