import { channelSchema, indicatorGroupBySchema } from '@reshaem/core';
import { MAX_INDICATOR_PERIOD_DAYS } from '../analytics/indicator-params.js';
import { type JsonSchema, schemaRef } from './components.js';
import type { Paths } from './operations.js';
import {
  periodIndicatorParameters,
  periodIndicatorResponses,
  queryParam,
} from './period-indicators.js';

const count = { type: 'integer', minimum: 0 };
const share = { type: ['number', 'null'], minimum: 0, maximum: 1 };
const days = { type: ['number', 'null'], minimum: 0 };

const counts = [
  'received',
  'rejected',
  'answered',
  'answeredOnTime',
  'answeredLate',
  'overdueNow',
  'dueSoonNow',
  'fastTrackAnswered',
  'fastTrackOnTime',
  'extensionsGranted',
  'rated',
  'reReviewed',
  'operatorDelivered',
  'autorouted',
] as const;
const shares = ['answeredOnTimeShare', 'reReviewedShare', 'autoroutedShare'] as const;

const indicatorRow: JsonSchema = {
  type: 'object',
  description:
    'The indicators of one group (docs/analytics.md defines each). Shares (0…1) and averages are null when their denominator is 0.',
  required: [
    'key',
    'label',
    ...counts,
    ...shares,
    'answerTime',
    'ratingAverage',
    'ratingDistribution',
    'deliveryLagMedianHours',
  ],
  properties: {
    key: {
      type: 'string',
      description:
        'An organisation id, a region code, a category id, a channel, `YYYY-MM-DD` (day; the Monday of a week), `YYYY-MM` (month); `total` in `totals`',
    },
    label: { type: 'string', description: 'The group as people read it, in Russian' },
    ...Object.fromEntries(counts.map((name) => [name, count])),
    ...Object.fromEntries(shares.map((name) => [name, share])),
    answerTime: {
      type: 'object',
      description: 'From receipt to the first approved answer; discrete median and 90th percentile',
      required: ['medianDays', 'p90Days', 'medianWorkingDays', 'p90WorkingDays'],
      properties: {
        medianDays: days,
        p90Days: days,
        medianWorkingDays: days,
        p90WorkingDays: days,
      },
    },
    ratingAverage: { type: ['number', 'null'], minimum: 1, maximum: 5 },
    ratingDistribution: {
      type: 'array',
      items: count,
      minItems: 5,
      maxItems: 5,
      description: 'How many rated answers got 1, 2, 3, 4 and 5',
    },
    deliveryLagMedianHours: { type: ['number', 'null'], minimum: 0 },
  },
};

/** The component schemas of the indicators. */
export function analyticsComponentSchemas(): Record<string, JsonSchema> {
  return {
    IndicatorRow: indicatorRow,
    Indicators: {
      type: 'object',
      required: ['from', 'to', 'groupBy', 'countedAt', 'rows', 'totals'],
      properties: {
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        groupBy: { type: 'string', enum: indicatorGroupBySchema.options },
        countedAt: {
          type: 'string',
          format: 'date-time',
          description: 'The instant `overdueNow` and `dueSoonNow` were counted at',
        },
        rows: { type: 'array', items: schemaRef('IndicatorRow') },
        totals: schemaRef('IndicatorRow'),
      },
    },
  };
}

/** GET /analytics/indicators, present when the store counts indicators. */
export function analyticsPaths(): Paths {
  return {
    '/analytics/indicators': {
      get: {
        operationId: 'getIndicators',
        tags: ['analytics'],
        summary: 'The SLA indicators of the messages received in a period, grouped by one key',
        description: `Counted over the messages the caller may analyse: a head, curator or administrator sees their organisation's subtree (a curator of a region's top organisation: the region); anyone else, or an \`orgId\` outside that scope, is refused with 403. Periods are local dates of the holding organisation, both included, at most ${MAX_INDICATOR_PERIOD_DAYS} days. \`overdueNow\` and \`dueSoonNow\` are counted at the server's clock. The same figures as an XLSX sheet (Russian headers, a row per group, then «Итого»; shares as percentages) with \`format=xlsx\` or an \`Accept\` naming the XLSX type. Every bad parameter is listed in the 422 problem's \`errors\`.`,
        parameters: periodIndicatorParameters(
          {
            values: indicatorGroupBySchema.options,
            description:
              'One row per organisation, region, category, channel, day, ISO week or month',
          },
          {
            scope: [
              queryParam('orgId', { type: 'string' }, 'Only messages held by this organisation'),
              queryParam(
                'subtree',
                { type: 'boolean', default: true },
                'With `orgId`: its subordinate organisations too',
              ),
            ],
            more: [
              queryParam(
                'channel',
                { type: 'string', enum: channelSchema.options },
                'Only this channel',
              ),
            ],
          },
        ),
        responses: periodIndicatorResponses(
          'Indicators',
          'The indicators, a row per group and the totals',
        ),
      },
    },
  };
}
