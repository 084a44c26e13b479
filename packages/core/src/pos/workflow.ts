import type { StateValue } from 'xstate';
import { initialTransition } from 'xstate';
import type { Effect } from '../kernel/effects.js';
import {
  invalidPayload,
  issuesFromZod,
  type WorkflowError,
  WorkflowRefusal,
} from '../kernel/errors.js';
import { acceptedEventsOf } from '../kernel/machine/accepted-events.js';
import { createPureTransition } from '../kernel/machine/pure-transition.js';
import { createResolvedStates } from '../kernel/machine/resolved-states.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { DefinitionStamp } from '../kernel/versions/definition.js';
import { type MessageMachineEvent, messageMachine, statusOfValue } from './machine/machine.js';
import { isPermitted } from './permissions.js';
import { unmetPrecondition } from './preconditions.js';
import { resolveEvent, resolveSubmission } from './resolve.js';
import {
  type MessageEventType,
  messageEventSchema,
  messageEventTypes,
  submitEventSchema,
} from './schemas/events.js';
import type { Message, MessageStatus } from './schemas/message.js';

/**
 * A message as a store persists it: the machine's state value and its context, plain JSON.
 * Stores keep their own version counter beside it.
 */
export interface MessageSnapshot {
  value: StateValue;
  context: Message;
  /** The definition that made it; absent for version 1 (see `definitionVersionOf`). */
  definition?: DefinitionStamp;
}

/** One line of the history (ход работ): who did what, when, from which status to which. */
export interface HistoryRecord {
  messageId: string;
  /** The event's type; `definition.migrate` for a batch migration's line (`{ from, to }`). */
  type: 'submit' | 'definition.migrate' | MessageEventType;
  at: string;
  by: { id: string; name?: string };
  fromStatus: MessageStatus | null;
  toStatus: MessageStatus;
  /** The organisation holding the message after the event. */
  holdingOrgId: string;
  /** What the event said, besides its instant and principal. */
  payload: Record<string, unknown>;
}

export interface Applied {
  ok: true;
  /**
   * The event as the machine took it, resolved (a return's target organisation, a fresh
   * deadline …): send it to an actor of `messageMachine` to replay the step, as the
   * inspector does. `null` for `submit`, which starts the machine with its input instead.
   */
  event: MessageMachineEvent | null;
  snapshot: MessageSnapshot;
  status: MessageStatus;
  effects: Effect[];
  record: HistoryRecord;
}
export interface Refused {
  ok: false;
  error: WorkflowError;
}
export type ApplyResult = Applied | Refused;

const refuse = (error: WorkflowError): Refused => ({ ok: false, error });

function effectsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    if (action.type === 'effect') effects.push(action.params as Effect);
  }
  return effects;
}

function payloadOf(event: { type: string; at: string; by: Principal }): Record<string, unknown> {
  const { type: _type, at: _at, by: _by, ...payload } = event;
  return payload;
}

const byOf = (p: Principal) => (p.name === undefined ? { id: p.id } : { id: p.id, name: p.name });

/**
 * Starts a message from a `submit` event: validates it, checks who may submit through the
 * channel, and returns the first snapshot (in `moderation`, or `coordination` for messages
 * an operator entered) with its effects and history record.
 *
 * @example
 * const result = startMessage({ type: 'submit', at: '2025-01-15T11:18:00Z', by: applicant,
 *   messageId: 'm-1', number: '1', channel: 'epgu_form', orgId: 'kam', regionCode: '41',
 *   applicant: { name: 'Иванов И. И.' }, text: 'Яма на дороге',
 *   categoryId: 'roads', subcategoryId: 'potholes' }, directory);
 * if (result.ok) save(result.snapshot);
 */
export function startMessage(input: unknown, directory: Directory): ApplyResult {
  const parsed = submitEventSchema.safeParse(input);
  if (!parsed.success) return refuse(invalidPayload(issuesFromZod(parsed.error)));
  const event = parsed.data;
  const resolved = resolveSubmission(event, directory);
  if (!resolved.ok) return resolved;
  const [next, actions] = initialTransition(messageMachine, { message: resolved.value });
  const status = statusOfValue(next.value);
  return {
    ok: true,
    event: null,
    snapshot: states.plain(next),
    status,
    effects: effectsOf(actions),
    record: {
      messageId: event.messageId,
      type: 'submit',
      at: event.at,
      by: byOf(event.by),
      fromStatus: null,
      toStatus: status,
      holdingOrgId: next.context.message.holdingOrgId,
      payload: { channel: event.channel, orgId: event.orgId },
    },
  };
}

/** The status a snapshot is in. */
export const statusOf = (snapshot: MessageSnapshot): MessageStatus => statusOfValue(snapshot.value);

const acceptedIn = acceptedEventsOf(messageMachine);

/**
 * Does the message, in its current state (status, deadline …), accept this event type at
 * all, whoever sends it?
 */
export function acceptsEvent(snapshot: Pick<MessageSnapshot, 'value'>, type: string): boolean {
  return acceptedIn(snapshot.value).has(type);
}

/**
 * Applies one event to a persisted snapshot. Validates the payload, checks that the status
 * accepts the event and that the principal may send it, runs the machine, and returns the
 * new snapshot with the effects to perform and the history record — or a typed refusal.
 * The input snapshot is never modified.
 *
 * @example
 * const result = applyEvent(snapshot, { type: 'work.take', at, by: executor }, directory);
 * if (!result.ok) return problem(result.error);
 */
export function applyEvent(
  snapshot: MessageSnapshot,
  input: unknown,
  directory: Directory,
): ApplyResult {
  const parsed = messageEventSchema.safeParse(input);
  if (!parsed.success) return refuse(invalidPayload(issuesFromZod(parsed.error)));
  const event = parsed.data;
  const message = snapshot.context;
  const status = statusOfValue(snapshot.value);

  if (!acceptsEvent(snapshot, event.type)) {
    return refuse({
      kind: 'not_allowed_in_status',
      message: `${event.type} is not allowed in status ${status}`,
      eventType: event.type,
      status,
    });
  }
  if (!isPermitted(event.type, event.by, message, status, directory)) {
    return refuse({
      kind: 'forbidden',
      message: `${event.by.id} may not send ${event.type} on message ${message.id}`,
      eventType: event.type,
      principalId: event.by.id,
    });
  }
  const unmet = unmetPrecondition(event.type, message, directory);
  if (unmet !== null) return refuse(invalidPayload([{ path: [], message: unmet }]));
  const resolved = resolveEvent(event, message, directory);
  if (!resolved.ok) return resolved;
  return run(snapshot, status, resolved.value);
}

const transitionMessage = createPureTransition(messageMachine, {
  message: { channel: 'epgu_form' },
});

const states = createResolvedStates(messageMachine, {
  toMachine: (message: Message) => ({ message }),
  fromMachine: (context) => context.message,
});

function run(
  snapshot: MessageSnapshot,
  fromStatus: MessageStatus,
  event: MessageMachineEvent,
): ApplyResult {
  const state = states.stateOf(snapshot);
  const [next, actions] = transitionMessage(state, event);
  if (next === state || next.context === state.context) {
    // A guard turned the event down (a stale timer, say): nothing happened.
    return refuse({
      kind: 'not_allowed_in_status',
      message: `${event.type} does not apply to the message now`,
      eventType: event.type,
      status: fromStatus,
    });
  }
  const toStatus = statusOfValue(next.value);
  return {
    ok: true,
    event,
    snapshot: states.plain(next),
    status: toStatus,
    effects: effectsOf(actions),
    record: {
      messageId: next.context.message.id,
      type: event.type,
      at: event.at,
      by: byOf(event.by),
      fromStatus,
      toStatus,
      holdingOrgId: next.context.message.holdingOrgId,
      payload: payloadOf(event),
    },
  };
}

/** {@link applyEvent}, throwing {@link WorkflowRefusal} instead of returning a refusal. */
export function applyEventOrThrow(
  snapshot: MessageSnapshot,
  input: unknown,
  directory: Directory,
): Applied {
  const result = applyEvent(snapshot, input, directory);
  if (!result.ok) throw new WorkflowRefusal(result.error);
  return result;
}

/**
 * The events this principal may send on this message now — what a portal draws as buttons.
 * Events that cannot succeed whatever their payload (returning from the top of the tree,
 * deciding an extension nobody asked for) are left out; payload checks (which executor,
 * which organisation) still happen when the event is sent.
 */
export function availableEvents(
  snapshot: MessageSnapshot,
  principal: Principal,
  directory: Directory,
): MessageEventType[] {
  const status = statusOf(snapshot);
  const accepted = acceptedIn(snapshot.value);
  return messageEventTypes.filter(
    (type) =>
      accepted.has(type) &&
      isPermitted(type, principal, snapshot.context, status, directory) &&
      unmetPrecondition(type, snapshot.context, directory) === null,
  );
}
