import type { Applied, ApplyResult, HistoryRecord, MessageSnapshot } from '../../pos/workflow.js';
import { applyEvent } from '../../pos/workflow.js';
import type { Effect } from '../effects.js';
import type { WorkflowError } from '../errors.js';
import type { Directory } from '../notifications/directory.js';
import { type AutoruleEvent, type AutoruleIdleReason, planAutorules } from './plan.js';
import type { Autorule } from './schema.js';

/** A forward chain longer than this stops; see {@link RunAutorulesOptions.maxHops}. */
export const DEFAULT_AUTORULE_HOPS = 5;

export interface RunAutorulesOptions {
  /**
   * How many forwards one run may make before it stops (5 by default). A chain of
   * organisations that each forward on is bounded by this and by never revisiting an
   * organisation, so a run always ends.
   */
  maxHops?: number;
  /**
   * What applies the rules' events: the store's workflow (`workflow.applyEvent`), so that a
   * snapshot of any supported definition version is applied as the workflow declares. The
   * first definition's `applyEvent` by default.
   */
  applyEvent?: (snapshot: MessageSnapshot, event: unknown, directory: Directory) => ApplyResult;
}

/** A rule whose event the workflow took. */
export interface AppliedAutorule {
  ruleId: string;
  /** The organisation whose rule it was. */
  orgId: string;
  event: AutoruleEvent;
  result: Applied;
}

/**
 * Why a matching rule did not act:
 * - `refused`: the workflow turned its event down (`error` says why: an executor who is not
 *   one of the organisation's, an organisation not competent for the subcategory …);
 * - `cycle`: it would forward the message back to an organisation it already passed through
 *   in this run;
 * - `max_hops`: the run already forwarded the message `maxHops` times.
 */
export type AutoruleSkipReason = 'refused' | 'cycle' | 'max_hops';

/** A matching rule that did not act, for the log. The run stops at it. */
export interface SkippedAutorule {
  ruleId: string;
  orgId: string;
  reason: AutoruleSkipReason;
  message: string;
  error?: WorkflowError;
}

/** The outcome of a run: the message as the rules left it, and what happened on the way. */
export interface AutoruleRun {
  /** The last snapshot: the input one when no rule acted. */
  snapshot: MessageSnapshot;
  applied: AppliedAutorule[];
  skipped: SkippedAutorule[];
  /** Why the run ended without a skip: the rules at the last organisation had nothing to do. */
  idle: AutoruleIdleReason | null;
  /** The effects of every applied event, in order: store them with the snapshot. */
  effects: Effect[];
  /** The history records of every applied event, in order, each `by: { id: 'system' }`. */
  records: HistoryRecord[];
  /** «Делегировано автоправилом»: the message's flag after the run. */
  delegatedByAutorule: { ruleId: string; at: string } | null;
}

/**
 * Runs the autorules on a message that has just arrived in coordination, through
 * `applyEvent` as the system principal — the same checks as for people.
 *
 * At each organisation the first enabled matching rule (by position) acts; no other rule of
 * that organisation is tried. If the workflow refuses its event the rule is skipped and
 * logged, and the run stops there: a later rule never acts in place of the one the admin
 * ordered first, and the message waits for a coordinator. After a forward, the receiving
 * organisation's rules get their turn, up to `maxHops` forwards and never back to an
 * organisation already passed through. An assignment ends the run.
 *
 * Pure: the input snapshot is not modified; the caller stores the result.
 *
 * @example
 * const run = runAutorules(snapshot, rulesFromStore, directory, event.at);
 * for (const { result } of run.applied) await saveInOneTransaction(result);
 * for (const skip of run.skipped) log.warn(skip.message);
 */
export function runAutorules(
  snapshot: MessageSnapshot,
  rules: readonly Autorule[],
  directory: Directory,
  at: string,
  options: RunAutorulesOptions = {},
): AutoruleRun {
  const maxHops = options.maxHops ?? DEFAULT_AUTORULE_HOPS;
  const apply = options.applyEvent ?? applyEvent;
  const applied: AppliedAutorule[] = [];
  const skipped: SkippedAutorule[] = [];
  const visited = new Set([snapshot.context.holdingOrgId]);
  let current = snapshot;
  let hops = 0;
  let idle: AutoruleIdleReason | null = null;

  for (;;) {
    const plan = planAutorules(current, rules, directory, at);
    if (plan.kind === 'idle') {
      idle = plan.reason;
      break;
    }
    const { rule, event } = plan;
    const skip = (reason: AutoruleSkipReason, message: string, error?: WorkflowError) =>
      skipped.push({
        ruleId: rule.id,
        orgId: rule.orgId,
        reason,
        message: `autorule ${rule.id} «${rule.name}»: ${message}`,
        ...(error === undefined ? {} : { error }),
      });
    if (event.type === 'coordination.forward') {
      if (hops >= maxHops) {
        skip('max_hops', `not applied: the message was already forwarded ${hops} times`);
        break;
      }
      if (visited.has(event.orgId)) {
        skip('cycle', `not applied: the message already passed through ${event.orgId}`);
        break;
      }
    }
    const result = apply(current, event, directory);
    if (!result.ok) {
      skip('refused', `refused by the workflow: ${result.error.message}`, result.error);
      break;
    }
    applied.push({ ruleId: rule.id, orgId: rule.orgId, event, result });
    current = result.snapshot;
    if (event.type !== 'coordination.forward') break;
    hops += 1;
    visited.add(current.context.holdingOrgId);
  }

  return {
    snapshot: current,
    applied,
    skipped,
    idle,
    effects: applied.flatMap((a) => a.result.effects),
    records: applied.map((a) => a.result.record),
    delegatedByAutorule: current.context.delegatedByAutorule ?? null,
  };
}
