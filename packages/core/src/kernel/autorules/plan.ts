import type { MessageEventInput } from '../../pos/schemas/events.js';
import type { Message } from '../../pos/schemas/message.js';
import type { MessageSnapshot } from '../../pos/workflow.js';
import { statusOf } from '../../pos/workflow.js';
import { endOfLocalDay } from '../deadlines/deadline.js';
import { localDateIn, toEpochMs, toIso } from '../deadlines/instant.js';
import { addCalendarDays } from '../deadlines/local-date.js';
import type { Directory } from '../notifications/directory.js';
import { SYSTEM_PRINCIPAL } from '../schemas/principal.js';
import { matchAutorule } from './match.js';
import { type Autorule, autorulesOf } from './schema.js';

/** The events an autorule sends: always as the system, always naming the rule. */
export type AutoruleEvent =
  | (Extract<MessageEventInput, { type: 'coordination.forward' }> & { autoruleId: string })
  | (Extract<MessageEventInput, { type: 'executor.assign' }> & { autoruleId: string });

/** Why no rule acts on a message now. */
export type AutoruleIdleReason =
  /** Rules act only on messages waiting for a coordinator. */
  | 'not_in_coordination'
  /**
   * Rules act only on new arrivals (submitted or forwarded): a message returned to
   * coordination or sent up for re-review needs a person, and a rule sending it straight
   * back down would make it bounce.
   */
  | 'not_new'
  /** No enabled rule of the holding organisation matches. */
  | 'no_match';

/** What the holding organisation's rules would do with a message now. */
export type AutorulePlan =
  | { kind: 'act'; rule: Autorule; event: AutoruleEvent }
  | { kind: 'idle'; reason: AutoruleIdleReason };

/**
 * Is the message where autorules act: in `coordination`, having just arrived (submitted
 * there, or forwarded)? `null` when it is; otherwise why not.
 *
 * @example
 * awaitsAutorules(acceptedSnapshot); // null
 * awaitsAutorules(returnedToParent); // 'not_new'
 */
export function awaitsAutorules(snapshot: MessageSnapshot): AutoruleIdleReason | null {
  if (statusOf(snapshot) !== 'coordination') return 'not_in_coordination';
  const { arrivedBy } = snapshot.context;
  return arrivedBy === 'submitted' || arrivedBy === 'forwarded' ? null : 'not_new';
}

/**
 * The execution deadline an assigning rule sets: 23:59 local time of the holding
 * organisation on the day `executionDays` after `at`, capped at the response deadline.
 * `undefined` without `executionDays`, or when the cap leaves no time (already overdue):
 * the executor is still assigned, without an execution deadline of their own.
 *
 * @example
 * // executionDays: 3, acting at 23:20 on 15.01.2025 in Kamchatka
 * autoruleExecutionDueAt(rule, message, '2025-01-15T11:20:00Z', directory);
 * // '2025-01-18T11:59:00.000Z', «до 23:59 18.01.2025»
 */
export function autoruleExecutionDueAt(
  rule: Autorule,
  message: Message,
  at: string,
  directory: Directory,
): string | undefined {
  const { action } = rule;
  if (action.kind !== 'assign' || action.executionDays === undefined) return undefined;
  const zone = directory.timeZoneOf(message.holdingOrgId) ?? message.timeZone ?? 'UTC';
  const today = localDateIn(at, zone);
  const lastDay =
    action.executionDayUnit === 'working'
      ? directory.calendar.addWorkingDays(today, action.executionDays)
      : addCalendarDays(today, action.executionDays);
  let due = endOfLocalDay(lastDay, zone);
  if (message.responseDueAt !== null && due > message.responseDueAt) due = message.responseDueAt;
  return due > toIso(toEpochMs(at)) ? due : undefined;
}

/**
 * The event a rule sends for a message at the instant `at`, as the system principal. Not
 * checked: `applyEvent` decides whether the workflow accepts it.
 *
 * @example
 * autoruleEvent(rule, snapshot.context, '2025-01-15T11:20:00Z', directory);
 * // { type: 'executor.assign', by: SYSTEM_PRINCIPAL, executorId: 'exec-kam-roads',
 * //   autoruleId: 'r-1', at: '2025-01-15T11:20:00.000Z', executionDueAt: … }
 */
export function autoruleEvent(
  rule: Autorule,
  message: Message,
  at: string,
  directory: Directory,
): AutoruleEvent {
  const instant = toIso(toEpochMs(at));
  if (rule.action.kind === 'forward') {
    return {
      type: 'coordination.forward',
      at: instant,
      by: SYSTEM_PRINCIPAL,
      orgId: rule.action.orgId,
      comment: `Направлено автоправилом «${rule.name}»`,
      autoruleId: rule.id,
    };
  }
  const executionDueAt = autoruleExecutionDueAt(rule, message, instant, directory);
  return {
    type: 'executor.assign',
    at: instant,
    by: SYSTEM_PRINCIPAL,
    executorId: rule.action.executorId,
    ...(executionDueAt === undefined ? {} : { executionDueAt }),
    autoruleId: rule.id,
  };
}

/**
 * What the rules of the organisation holding the message would do now: the first enabled
 * rule (by position) that matches, and the event it sends as the system — or why none
 * acts. Only the holding organisation's rules count; whether the workflow accepts the event
 * is for `applyEvent` (see `runAutorules`).
 *
 * @example
 * const plan = planAutorules(snapshot, rules, directory, at);
 * if (plan.kind === 'act') applyEvent(snapshot, plan.event, directory);
 */
export function planAutorules(
  snapshot: MessageSnapshot,
  rules: readonly Autorule[],
  directory: Directory,
  at: string,
): AutorulePlan {
  const waiting = awaitsAutorules(snapshot);
  if (waiting !== null) return { kind: 'idle', reason: waiting };
  const message = snapshot.context;
  for (const rule of autorulesOf(rules, message.holdingOrgId)) {
    if (matchAutorule(rule, message)) {
      return { kind: 'act', rule, event: autoruleEvent(rule, message, at, directory) };
    }
  }
  return { kind: 'idle', reason: 'no_match' };
}
