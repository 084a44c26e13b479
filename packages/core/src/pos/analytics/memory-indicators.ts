import { invalidPayload, issuesFromZod, WorkflowRefusal } from '../../kernel/errors.js';
import type { Directory } from '../../kernel/notifications/directory.js';
import type { Principal } from '../../kernel/schemas/principal.js';
import type { MessageStatus } from '../schemas/message.js';
import type { HistoryRecord, MessageSnapshot } from '../workflow.js';
import { dueAtFirstAnswerOf } from './due-at-first-answer.js';
import { groupKeyOf, indicatorResultOf } from './indicator-groups.js';
import {
  type IndicatorQuery,
  type IndicatorQueryInput,
  indicatorQuerySchema,
} from './indicator-query.js';
import type { IndicatorResult } from './indicator-row.js';
import { queriedOrgIds } from './indicator-scope.js';
import { type MessageFacts, messageFactsOf } from './message-facts.js';
import { sumFacts } from './sum-facts.js';

/**
 * Validates an indicator query.
 * @throws {WorkflowRefusal} `invalid_payload` with the field paths.
 */
export function parseIndicatorQuery(input: IndicatorQueryInput): IndicatorQuery {
  const parsed = indicatorQuerySchema.safeParse(input);
  if (!parsed.success) throw new WorkflowRefusal(invalidPayload(issuesFromZod(parsed.error)));
  return parsed.data;
}

/**
 * Does a message's facts fall in the query: received in the period, held by one of
 * `orgIds` (`null`: any), in its region, category and channel?
 */
export function matchesIndicatorQuery(
  facts: MessageFacts,
  query: IndicatorQuery,
  orgIds: ReadonlySet<string> | null,
): boolean {
  if (facts.receivedOn < query.from || facts.receivedOn > query.to) return false;
  if (orgIds !== null && !orgIds.has(facts.holdingOrgId)) return false;
  if (query.region !== undefined && facts.regionCode !== query.region) return false;
  if (query.categoryId !== undefined && facts.categoryId !== query.categoryId) return false;
  return query.channel === undefined || facts.channel === query.channel;
}

/** A message as the memory store keeps it, with its history. */
export interface KeptMessage {
  status: MessageStatus;
  snapshot: MessageSnapshot;
  history: readonly HistoryRecord[];
}

/**
 * The indicators of kept messages: every message's facts from its history
 * (`dueAtFirstAnswerOf`, `messageFactsOf`), filtered, grouped and summed in memory. The
 * reference semantics of `MessageStore.indicators`.
 *
 * @throws {WorkflowRefusal} as `MessageStore.indicators`.
 * @example
 * computeIndicators(kept, { from: '2025-01-01', to: '2025-03-31', groupBy: 'week',
 *   now: '2025-04-01T00:00:00Z' }, head, directory);
 */
export function computeIndicators(
  messages: Iterable<KeptMessage>,
  input: IndicatorQueryInput,
  viewer: Principal,
  directory: Directory,
): IndicatorResult {
  const query = parseIndicatorQuery(input);
  const scope = queriedOrgIds(query, viewer, directory);
  const orgIds = scope === null ? null : new Set(scope);
  const groups = new Map<string, MessageFacts[]>();
  const all: MessageFacts[] = [];
  for (const kept of messages) {
    const message = kept.snapshot.context;
    const due = dueAtFirstAnswerOf(kept.history, message, directory);
    const facts = messageFactsOf(message, kept.status, directory, due);
    if (!matchesIndicatorQuery(facts, query, orgIds)) continue;
    all.push(facts);
    const key = groupKeyOf(facts, query.groupBy);
    const group = groups.get(key);
    if (group) group.push(facts);
    else groups.set(key, [facts]);
  }
  const sums = new Map([...groups].map(([key, facts]) => [key, sumFacts(facts, query.now)]));
  return indicatorResultOf(sums, sumFacts(all, query.now), query, directory);
}
