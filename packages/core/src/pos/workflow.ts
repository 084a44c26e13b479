import type { StateValue } from 'xstate';
import type { Effect } from '../kernel/effects.js';
import { type WorkflowError, WorkflowRefusal } from '../kernel/errors.js';
import type { FileContext } from '../kernel/files/check-file-references.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { DefinitionStamp } from '../kernel/versions/definition.js';
import { type MessageMachineEvent, messageMachine } from './machine/machine.js';
import { createMessageRules } from './message-rules.js';
import type { MessageEventType } from './schemas/events.js';
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
  /**
   * The event, `submit`, or `definition.migrate`: a migration of the stored snapshot to a
   * newer definition (payload `{ from, to }`, by the `system` principal), shown to officials only.
   */
  type: 'submit' | MessageEventType | 'definition.migrate';
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

/** The first definition, which the module functions below apply: version 1, unstamped. */
const v1 = createMessageRules({ version: 1, machine: messageMachine });

/**
 * Starts a message from a `submit` event: validates it, checks who may submit through the
 * channel and the uploads it attaches (against `files`, the descriptors the caller looked
 * up; without them, any attachment is refused as missing), and returns the first snapshot (in `moderation`, or `coordination` for messages
 * an operator entered) with its effects and history record.
 *
 * @example
 * const result = startMessage({ type: 'submit', at: '2025-01-15T11:18:00Z', by: applicant,
 *   messageId: 'm-1', number: '1', channel: 'epgu_form', orgId: 'kam', regionCode: '41',
 *   applicant: { name: 'Иванов И. И.' }, text: 'Яма на дороге',
 *   categoryId: 'roads', subcategoryId: 'potholes' }, directory);
 * if (result.ok) save(result.snapshot);
 */
export const startMessage: (
  input: unknown,
  directory: Directory,
  files?: FileContext,
) => ApplyResult = v1.startMessage;

/** The status a snapshot is in. */
export const statusOf: (snapshot: Pick<MessageSnapshot, 'value'>) => MessageStatus = v1.statusOf;

/**
 * Does the message, in its current state (status, deadline …), accept this event type at
 * all, whoever sends it?
 */
export const acceptsEvent: (snapshot: Pick<MessageSnapshot, 'value'>, type: string) => boolean =
  v1.acceptsEvent;

/**
 * Applies one event to a persisted snapshot. Validates the payload, checks that the status
 * accepts the event and that the principal may send it (and an answer's uploads against
 * `files`, the descriptors the caller looked up), runs the machine, and returns the
 * new snapshot with the effects to perform and the history record — or a typed refusal.
 * The input snapshot is never modified. This is definition version 1 as it is; to accept
 * snapshots of other versions, apply through a workflow (`posWorkflow`,
 * `defineMessageWorkflow`).
 *
 * @example
 * const result = applyEvent(snapshot, { type: 'work.take', at, by: executor }, directory);
 * if (!result.ok) return problem(result.error);
 */
export const applyEvent: (
  snapshot: MessageSnapshot,
  input: unknown,
  directory: Directory,
  files?: FileContext,
) => ApplyResult = v1.applyEvent;

/** {@link applyEvent}, throwing {@link WorkflowRefusal} instead of returning a refusal. */
export function applyEventOrThrow(
  snapshot: MessageSnapshot,
  input: unknown,
  directory: Directory,
  files?: FileContext,
): Applied {
  const result = applyEvent(snapshot, input, directory, files);
  if (!result.ok) throw new WorkflowRefusal(result.error);
  return result;
}

/**
 * The events this principal may send on this message now — what a portal draws as buttons.
 * Events that cannot succeed whatever their payload (returning from the top of the tree,
 * deciding an extension nobody asked for) are left out; payload checks (which executor,
 * which organisation) still happen when the event is sent.
 */
export const availableEvents: (
  snapshot: MessageSnapshot,
  principal: Principal,
  directory: Directory,
) => MessageEventType[] = v1.availableEvents;
