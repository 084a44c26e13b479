import { z } from 'zod';
import { regionCodeSchema } from '../../kernel/schemas/organisation.js';
import { idSchema, instantSchema, localDateSchema } from '../../kernel/schemas/primitives.js';
import { channelSchema } from '../schemas/message.js';

/**
 * How indicator rows are grouped: by the holding organisation, its region, the category, the
 * channel, or by the local date of receipt (a day, an ISO week starting on Monday, a month).
 */
export const indicatorGroupBySchema = z.enum([
  'org',
  'region',
  'category',
  'channel',
  'day',
  'week',
  'month',
]);
export type IndicatorGroupBy = z.infer<typeof indicatorGroupBySchema>;
export const indicatorGroupBys: readonly IndicatorGroupBy[] = indicatorGroupBySchema.options;

/** The longest period a query may span: ten years (so a `day` grouping stays bounded). */
export const MAX_INDICATOR_DAYS = 3660;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * What a dashboard asks for: the messages received from `from` to `to` (local dates of the
 * holding organisation, both included), narrowed by organisation (alone or with its
 * subtree), region, category and channel, grouped by one key. `now` is an input, like every
 * instant in reshaem: `overdueNow` and `dueSoonNow` are counted at it.
 */
export const indicatorQuerySchema = z
  .object({
    from: localDateSchema,
    to: localDateSchema,
    groupBy: indicatorGroupBySchema,
    /** An organisation the viewer may see; with `subtree` (the default) its subordinates too. */
    orgId: idSchema.optional(),
    subtree: z.boolean().default(true),
    /** A region's code, `'41'`. */
    region: regionCodeSchema.optional(),
    categoryId: idSchema.optional(),
    channel: channelSchema.optional(),
    /** The instant the figures are counted at. */
    now: instantSchema,
  })
  .refine((q) => q.from <= q.to, {
    message: 'начало периода должно быть не позже его конца',
    path: ['to'],
  })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_INDICATOR_DAYS, {
    message: `период не длиннее ${MAX_INDICATOR_DAYS} дней`,
    path: ['from'],
  });
export type IndicatorQuery = z.infer<typeof indicatorQuerySchema>;
export type IndicatorQueryInput = z.input<typeof indicatorQuerySchema>;
