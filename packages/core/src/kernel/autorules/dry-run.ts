import type { MessageStatus } from '../../pos/schemas/message.js';
import type { MessageSnapshot } from '../../pos/workflow.js';
import { applyEvent } from '../../pos/workflow.js';
import type { Effect } from '../effects.js';
import { issuesFromZod, type PayloadIssue, type WorkflowError } from '../errors.js';
import type { Directory } from '../notifications/directory.js';
import { autoruleMismatches } from './match.js';
import { type AutoruleEvent, autoruleEvent, awaitsAutorules } from './plan.js';
import { type Autorule, type AutoruleCriterion, autoruleSchema } from './schema.js';

/** Why a rule would not act on this message, whatever it matches. */
export type AutoruleNotApplicable =
  /** The message is held by another organisation than the rule's. */
  | 'other_organisation'
  /** The message is not waiting in coordination. */
  | 'not_in_coordination'
  /** The message was returned or sent for re-review: rules act on new arrivals only. */
  | 'not_new';

/** What trying a rule on a message showed. */
export type AutoruleTrial =
  | { kind: 'invalid_rule'; issues: PayloadIssue[] }
  | { kind: 'no_match'; mismatches: AutoruleCriterion[] }
  | { kind: 'not_applicable'; reason: AutoruleNotApplicable }
  | {
      kind: 'accepted';
      rule: Autorule;
      event: AutoruleEvent;
      /** Where the message would be and with whom. */
      status: MessageStatus;
      holdingOrgId: string;
      executorId: string | null;
      effects: Effect[];
    }
  | { kind: 'refused'; rule: Autorule; event: AutoruleEvent; error: WorkflowError };

/**
 * Tries a rule on a message before the admin saves it: validates the rule, says which
 * criteria fail, and — when it matches a message waiting at the rule's organisation —
 * whether the workflow would accept its event (a dry run through `applyEvent`). Nothing is
 * stored and the snapshot is not modified. `enabled` is ignored (a draft may be disabled),
 * and so are the organisation's other rules: this is about this rule alone.
 *
 * @example
 * const trial = testAutorule(draft, snapshot, directory, now);
 * if (trial.kind === 'refused') showError(trial.error.message);
 */
export function testAutorule(
  input: unknown,
  snapshot: MessageSnapshot,
  directory: Directory,
  at: string,
): AutoruleTrial {
  const parsed = autoruleSchema.safeParse(input);
  if (!parsed.success) return { kind: 'invalid_rule', issues: issuesFromZod(parsed.error) };
  const rule = parsed.data;
  const message = snapshot.context;
  const mismatches = autoruleMismatches(rule, message);
  if (mismatches.length > 0) return { kind: 'no_match', mismatches };
  if (message.holdingOrgId !== rule.orgId) {
    return { kind: 'not_applicable', reason: 'other_organisation' };
  }
  const waiting = awaitsAutorules(snapshot);
  if (waiting === 'not_in_coordination' || waiting === 'not_new') {
    return { kind: 'not_applicable', reason: waiting };
  }
  const event = autoruleEvent(rule, message, at, directory);
  const result = applyEvent(snapshot, event, directory);
  if (!result.ok) return { kind: 'refused', rule, event, error: result.error };
  return {
    kind: 'accepted',
    rule,
    event,
    status: result.status,
    holdingOrgId: result.snapshot.context.holdingOrgId,
    executorId: result.snapshot.context.executorId,
    effects: result.effects,
  };
}
