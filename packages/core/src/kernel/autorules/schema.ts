import { z } from 'zod';
import { channelSchema } from '../../pos/schemas/message.js';
import { regionCodeSchema } from '../schemas/organisation.js';
import { idSchema, storableString } from '../schemas/primitives.js';

const nonEmptyIds = z.array(idSchema).min(1).max(500);

/** Words to look for in the message text: stems, case-insensitive, «ё» = «е». */
export const autoruleWordsSchema = z.object({
  /** `any`: one of the terms is enough; `all`: every term must be there. */
  mode: z.enum(['any', 'all']).default('any'),
  /** Each term is one word or a phrase of stems, e.g. «ям», «детск площадк». */
  terms: z
    .array(
      storableString()
        .trim()
        .min(1)
        .max(200)
        .refine((t) => /[\p{L}\p{N}]/u.test(t), {
          message: 'В слове нужна хотя бы одна буква или цифра',
        }),
    )
    .min(1)
    .max(100),
});
export type AutoruleWords = z.infer<typeof autoruleWordsSchema>;

/**
 * What a message must have for the rule to apply. Every criterion given must hold (and);
 * within a criterion, any listed value will do (or). A rule without criteria matches every
 * message that reaches its organisation.
 */
export const autoruleMatchSchema = z.object({
  categoryIds: nonEmptyIds.optional(),
  subcategoryIds: nonEmptyIds.optional(),
  /** A message without a fact never matches a rule that lists facts. */
  factIds: nonEmptyIds.optional(),
  regionCodes: z.array(regionCodeSchema).min(1).max(100).optional(),
  /** Compared like words: case-insensitive, «ё» = «е», punctuation ignored. */
  municipalities: z.array(storableString().trim().min(1).max(300)).min(1).max(500).optional(),
  channels: z.array(channelSchema).min(1).optional(),
  words: autoruleWordsSchema.optional(),
});
export type AutoruleMatch = z.infer<typeof autoruleMatchSchema>;
export type AutoruleCriterion = keyof AutoruleMatch;

/** Forward the message to another organisation («Направить в организацию»). */
export const autoruleForwardSchema = z.object({
  kind: z.literal('forward'),
  orgId: idSchema,
});

/** Assign an executor of the organisation, with an optional execution deadline. */
export const autoruleAssignSchema = z.object({
  kind: z.literal('assign'),
  executorId: idSchema,
  /**
   * The execution deadline («На исполнение»): the end (23:59 local) of the day this many
   * days after the rule acts; never after the response deadline, which caps it.
   */
  executionDays: z.int().min(1).max(365).optional(),
  /** How `executionDays` count: calendar days, or working days of the production calendar. */
  executionDayUnit: z.enum(['calendar', 'working']).default('calendar'),
});

export const autoruleActionSchema = z.discriminatedUnion('kind', [
  autoruleForwardSchema,
  autoruleAssignSchema,
]);
export type AutoruleAction = z.infer<typeof autoruleActionSchema>;

/**
 * An autorule (автоправило) of one organisation, as its admin saves it. The organisation's
 * enabled rules are tried in `position` order (ties by `id`); the first that matches acts.
 */
export const autoruleSchema = z
  .object({
    id: idSchema,
    /** The organisation whose incoming messages the rule routes. */
    orgId: idSchema,
    name: storableString().trim().min(1).max(300),
    /** Lower runs first. */
    position: z.int().min(0).max(1_000_000),
    enabled: z.boolean().default(true),
    match: autoruleMatchSchema.default({}),
    action: autoruleActionSchema,
  })
  .refine((r) => r.action.kind !== 'forward' || r.action.orgId !== r.orgId, {
    message: 'Правило не может направить сообщение в свою же организацию',
    path: ['action', 'orgId'],
  });
export type Autorule = z.infer<typeof autoruleSchema>;
export type AutoruleInput = z.input<typeof autoruleSchema>;

/**
 * The organisation's enabled rules in the order they are tried: by `position`, then `id`.
 *
 * @example
 * autorulesOf(allRules, 'kam-roads')[0]; // the rule tried first for messages at kam-roads
 */
export function autorulesOf(rules: readonly Autorule[], orgId: string): Autorule[] {
  return rules
    .filter((r) => r.orgId === orgId && r.enabled)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
