import { initialTransition, type StateValue } from 'xstate';
import { invalidPayload, issuesFromZod } from '../kernel/errors.js';
import { acceptedEventsOf } from '../kernel/machine/accepted-events.js';
import { createPureTransition } from '../kernel/machine/pure-transition.js';
import { createResolvedStates } from '../kernel/machine/resolved-states.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import { russianErrors } from '../kernel/schemas/russian-errors.js';
import type { DefinitionStamp } from '../kernel/versions/definition.js';
import type { CaseEffect } from './effects.js';
import { type CaseWorkflowError, CaseWorkflowRefusal } from './errors.js';
import type { CaseMachineEvent } from './machine/events.js';
import { caseMachine } from './machine/machine.js';
import { isCasePermitted } from './permissions.js';
import { caseRefusalWords, namedCaseRefusal } from './refusal-text.js';
import { type CaseFacts, resolveCaseCreation, resolveCaseEvent } from './resolve.js';
import type { CaseRecord } from './schemas/case.js';
import {
  type CaseEventType,
  caseCreateEventSchema,
  caseEventSchema,
  caseEventTypes,
} from './schemas/events.js';
import { type CaseStatus, FEDERAL_LABEL } from './schemas/parts.js';
import { caseStatusOfValue } from './status.js';

/** A card as a store persists it: the machine's state value and its context, plain JSON. */
export interface CaseSnapshot {
  value: StateValue;
  context: CaseRecord;
  /** The definition that made it; absent for version 1 (see `definitionVersionOf`). */
  definition?: DefinitionStamp;
}

/**
 * One line of the history: who did what, when, from which status to which. Shaped like the
 * ПОС `HistoryRecord` (`messageId` is the card's id) plus `workflow`, so one history table
 * serves both workflows.
 */
export interface CaseHistoryRecord {
  messageId: string;
  workflow: 'onf';
  type: 'case.create' | CaseEventType;
  at: string;
  by: { id: string; name?: string };
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  /** The executor's organisation after the event; `null` while nobody is assigned. */
  holdingOrgId: string | null;
  /** What the event said, besides its instant and principal. */
  payload: Record<string, unknown>;
}

export interface CaseApplied {
  ok: true;
  snapshot: CaseSnapshot;
  status: CaseStatus;
  effects: CaseEffect[];
  record: CaseHistoryRecord;
}
export interface CaseRefused {
  ok: false;
  error: CaseWorkflowError;
}
export type CaseApplyResult = CaseApplied | CaseRefused;

const refuse = (error: CaseWorkflowError): CaseRefused => ({ ok: false, error });
const invalid = (error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }) =>
  refuse(invalidPayload(issuesFromZod(error)) as CaseWorkflowError);

const effectsOf = (actions: ReadonlyArray<{ type: string; params?: unknown }>): CaseEffect[] =>
  actions.filter((a) => a.type === 'effect').map((a) => a.params as CaseEffect);

const byOf = (p: Principal) => (p.name === undefined ? { id: p.id } : { id: p.id, name: p.name });

function recordOf(
  event: { type: CaseHistoryRecord['type']; at: string; by: Principal },
  card: CaseRecord,
  fromStatus: CaseStatus | null,
  toStatus: CaseStatus,
  payload: Record<string, unknown>,
): CaseHistoryRecord {
  const { type, at, by } = event;
  const base = { messageId: card.id, workflow: 'onf' as const, type, at, by: byOf(by) };
  return { ...base, fromStatus, toStatus, holdingOrgId: card.orgId, payload };
}

/**
 * The status a snapshot is in.
 *
 * @example
 * caseStatusOf({ value: { in_work: 'held' } }); // 'in_work'
 */
export const caseStatusOf = (snapshot: Pick<CaseSnapshot, 'value'>): CaseStatus =>
  caseStatusOfValue(snapshot.value);

/**
 * Opens a card from a `case.create` event: validates it, checks that a source system or an
 * operator of the region sends it, and returns the first snapshot (`new`).
 *
 * @example
 * const result = startCase({ type: 'case.create', at, by: SYSTEM_PRINCIPAL, caseId: 'c-1',
 *   number: '340820', applicant: { name: 'Тестов Тест', phone: '+7(917)561-89-18' },
 *   text: 'Нужна помощь с лекарствами', regionCode: '75', categoryType: 'nko',
 *   categoryId: 'social' }, directory);
 * if (result.ok) save(result.snapshot);
 */
export function startCase(input: unknown, directory: Directory): CaseApplyResult {
  const parsed = caseCreateEventSchema.safeParse(input, russianErrors);
  if (!parsed.success) return invalid(parsed.error);
  const event = parsed.data;
  const created = resolveCaseCreation(event, directory);
  if (!created.ok) return created;
  if (!isCasePermitted('case.create', event.by, created.value, null, directory)) {
    return refuse(
      namedCaseRefusal(
        { kind: 'forbidden', eventType: 'case.create', principalId: event.by.id },
        directory,
      ),
    );
  }
  const [next, actions] = initialTransition(caseMachine, { card: created.value });
  const status = caseStatusOfValue(next.value);
  const { type: _t, at: _a, by: _b, ...payload } = event;
  return {
    ok: true,
    snapshot: states.plain(next),
    status,
    effects: effectsOf(actions),
    record: recordOf(event, next.context.card, null, status, payload),
  };
}

const acceptedIn = acceptedEventsOf(caseMachine);

/**
 * Does the card, in its current state (status and lock), take this event type at all,
 * whoever sends it?
 *
 * @example
 * caseAcceptsEvent({ value: { in_work: 'free' } }, 'case.resolve'); // false: take it first
 */
export function caseAcceptsEvent(snapshot: Pick<CaseSnapshot, 'value'>, type: string): boolean {
  return acceptedIn(snapshot.value).has(type);
}

const transitionCase = createPureTransition(caseMachine, { card: {} });

/**
 * Applies one event to a persisted card. Validates the payload, checks that the state takes
 * the event and that the principal may send it, resolves it (with `facts` the store supplies:
 * the sender's other locks for `case.lock`), runs the machine, and returns the new snapshot
 * with its effects and history record — or a typed refusal. The input is never modified.
 *
 * @example
 * const held = await store.cardsLockedBy(executor.id); // inside the write transaction
 * const result = applyCaseEvent(snapshot, { type: 'case.lock', at, by: executor }, directory,
 *   { heldCardIds: held });
 * if (!result.ok && result.error.kind === 'lock_conflict') return conflict(result.error);
 */
export function applyCaseEvent(
  snapshot: CaseSnapshot,
  input: unknown,
  directory: Directory,
  facts?: CaseFacts,
): CaseApplyResult {
  const parsed = caseEventSchema.safeParse(input, russianErrors);
  if (!parsed.success) return invalid(parsed.error);
  const event = parsed.data;
  const card = snapshot.context;
  const status = caseStatusOf(snapshot);
  const subject = { kind: 'card', id: card.id, number: card.number } as const;
  if (!caseAcceptsEvent(snapshot, event.type)) {
    const refusal = namedCaseRefusal(
      { kind: 'not_allowed_in_status', eventType: event.type, status, subject },
      directory,
    );
    if (card.lock) refusal.message += ' (карточка занята)';
    return refuse(refusal);
  }
  if (!isCasePermitted(event.type, event.by, card, status, directory)) {
    return refuse(
      namedCaseRefusal(
        { kind: 'forbidden', eventType: event.type, principalId: event.by.id, subject },
        directory,
      ),
    );
  }
  const resolved = resolveCaseEvent(event, card, directory, facts);
  if (!resolved.ok) return resolved;
  return run(snapshot, status, resolved.value);
}

const states = createResolvedStates(caseMachine, {
  toMachine: (card: CaseRecord) => ({ card }),
  fromMachine: (context) => context.card,
});

function run(
  snapshot: CaseSnapshot,
  fromStatus: CaseStatus,
  event: CaseMachineEvent,
): CaseApplyResult {
  const state = states.stateOf(snapshot);
  const [next, actions] = transitionCase(state, event);
  if (next === state || next.context === state.context) {
    // A guard turned the event down (the card is already federal, say): nothing happened.
    return refuse({
      kind: 'not_allowed_in_status',
      message: `Карточка № ${snapshot.context.number}: сейчас нельзя ${caseRefusalWords.action(event.type)}`,
      eventType: event.type,
      status: fromStatus,
    });
  }
  const toStatus = caseStatusOfValue(next.value);
  const { type: _t, at: _a, by: _b, ...payload } = event;
  return {
    ok: true,
    snapshot: states.plain(next),
    status: toStatus,
    effects: effectsOf(actions),
    record: recordOf(event, next.context.card, fromStatus, toStatus, payload),
  } satisfies CaseApplied;
}

/**
 * {@link applyCaseEvent}, throwing {@link CaseWorkflowRefusal} instead of refusing.
 *
 * @example
 * const { snapshot } = applyCaseEventOrThrow(card, { type: 'case.comment', at, by, text }, directory);
 */
export function applyCaseEventOrThrow(
  snapshot: CaseSnapshot,
  input: unknown,
  directory: Directory,
  facts?: CaseFacts,
): CaseApplied {
  const result = applyCaseEvent(snapshot, input, directory, facts);
  if (!result.ok) throw new CaseWorkflowRefusal(result.error);
  return result;
}

/**
 * The events this principal may send on this card now — the buttons a portal draws. Pass
 * `facts.heldCardIds` to hide «Взять в работу» from an executor busy with another card.
 *
 * @example
 * availableCaseEvents(card, executor, directory, { heldCardIds: [] });
 * // ['case.lock', 'case.comment']
 */
export function availableCaseEvents(
  snapshot: CaseSnapshot,
  principal: Principal,
  directory: Directory,
  facts?: CaseFacts,
): CaseEventType[] {
  const card = snapshot.context;
  const status = caseStatusOf(snapshot);
  const busy = (facts?.heldCardIds ?? []).some((id) => id !== card.id);
  const accepted = acceptedIn(snapshot.value);
  return caseEventTypes.filter(
    (type) =>
      accepted.has(type) &&
      isCasePermitted(type, principal, card, status, directory) &&
      !(type === 'case.lock' && busy) &&
      !(type === 'case.federal_level' && card.labels.includes(FEDERAL_LABEL)),
  );
}
