import type { StateValue } from 'xstate';
import { initialTransition } from 'xstate';
import type { Effect } from '../kernel/effects.js';
import { invalidPayload, issuesFromZod, type WorkflowError } from '../kernel/errors.js';
import type { FileContext } from '../kernel/files/check-file-references.js';
import { acceptedEventsOf } from '../kernel/machine/accepted-events.js';
import { createPureTransition } from '../kernel/machine/pure-transition.js';
import { createResolvedStates } from '../kernel/machine/resolved-states.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import { russianErrors } from '../kernel/schemas/russian-errors.js';
import { type MessageMachine, type MessageMachineEvent, statusOfValue } from './machine/machine.js';
import { isPermitted } from './permissions.js';
import { unmetPrecondition } from './preconditions.js';
import { namedRefusal, posRefusalWords } from './refusal-text.js';
import { resolveEvent, resolveSubmission } from './resolve.js';
import {
  type MessageEventType,
  messageEventSchema,
  messageEventTypes,
  submitEventSchema,
} from './schemas/events.js';
import type { Message, MessageStatus } from './schemas/message.js';
import type { ApplyResult, MessageSnapshot, Refused } from './workflow.js';

/**
 * One definition of the ПОС message workflow: its version, its machine and how its state
 * values read as status codes. Validation, permissions, preconditions and look-ups are the
 * package's; the machine decides which events a state accepts and where they lead.
 */
export interface MessageDefinition {
  /** The definition version; 1 is the first release's, whose snapshots carry no stamp. */
  version: number;
  /**
   * The machine: the context `{ message }`, the events of `MessageMachineEvent`, a parallel
   * root with a `status` and a `deadline` region, like `messageMachine`. Build another
   * version from the same setup (`messageSetup.createMachine`), with its own state config.
   */
  machine: MessageMachine;
  /**
   * The status code a state value stands for: give it when a state of the `status` region
   * is named other than its status code (a renamed state). By default the state's name.
   */
  statusOf?: (value: StateValue) => MessageStatus;
}

/** The apply path bound to one definition; what the module functions of `workflow.ts` are for v1. */
export interface MessageRules {
  readonly version: number;
  readonly machine: MessageMachine;
  startMessage(input: unknown, directory: Directory, files?: FileContext): ApplyResult;
  applyEvent(
    snapshot: MessageSnapshot,
    input: unknown,
    directory: Directory,
    files?: FileContext,
  ): ApplyResult;
  availableEvents(
    snapshot: MessageSnapshot,
    principal: Principal,
    directory: Directory,
  ): MessageEventType[];
  acceptsEvent(snapshot: Pick<MessageSnapshot, 'value'>, type: string): boolean;
  statusOf(snapshot: Pick<MessageSnapshot, 'value'>): MessageStatus;
}

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

/** Rules already built for a machine read with the default status mapping, by version. */
const built = new WeakMap<MessageMachine, Map<number, MessageRules>>();

/**
 * The apply path (validate, accept, permit, resolve, transition) bound to one definition:
 * each definition gets its own machine caches, and the snapshots it returns carry its stamp
 * (none for version 1). Rules for the same machine and version are built once.
 *
 * @example
 * const v1 = createMessageRules({ version: 1, machine: messageMachine });
 * v1.applyEvent(snapshot, event, directory);
 */
export function createMessageRules(definition: MessageDefinition): MessageRules {
  if (definition.statusOf !== undefined) return buildRules(definition);
  let byVersion = built.get(definition.machine);
  if (!byVersion) {
    byVersion = new Map();
    built.set(definition.machine, byVersion);
  }
  let rules = byVersion.get(definition.version);
  if (!rules) {
    rules = buildRules(definition);
    byVersion.set(definition.version, rules);
  }
  return rules;
}

function buildRules(definition: MessageDefinition): MessageRules {
  const { machine, version } = definition;
  const statusOfValueHere = definition.statusOf ?? statusOfValue;
  const stamp = version === 1 ? undefined : { workflow: 'pos' as const, version };
  const acceptedIn = acceptedEventsOf(machine);
  const transitionMessage = createPureTransition(machine, { message: { channel: 'epgu_form' } });
  const states = createResolvedStates(machine, {
    toMachine: (message: Message) => ({ message }),
    fromMachine: (context) => context.message,
  });
  const plain = (state: Parameters<typeof states.plain>[0]): MessageSnapshot => {
    const snapshot: MessageSnapshot = states.plain(state);
    if (stamp) snapshot.definition = stamp;
    return snapshot;
  };

  const statusOf = (snapshot: Pick<MessageSnapshot, 'value'>): MessageStatus =>
    statusOfValueHere(snapshot.value);

  const acceptsEvent = (snapshot: Pick<MessageSnapshot, 'value'>, type: string): boolean =>
    acceptedIn(snapshot.value).has(type);

  function startMessage(input: unknown, directory: Directory, files?: FileContext): ApplyResult {
    const parsed = submitEventSchema.safeParse(input, russianErrors);
    if (!parsed.success) return refuse(invalidPayload(issuesFromZod(parsed.error)));
    const event = parsed.data;
    const resolved = resolveSubmission(event, directory, files);
    if (!resolved.ok) return resolved;
    const [next, actions] = initialTransition(machine, { message: resolved.value });
    const status = statusOfValueHere(next.value);
    return {
      ok: true,
      event: null,
      snapshot: plain(next),
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

  function applyEvent(
    snapshot: MessageSnapshot,
    input: unknown,
    directory: Directory,
    files?: FileContext,
  ) {
    const parsed = messageEventSchema.safeParse(input, russianErrors);
    if (!parsed.success) return refuse(invalidPayload(issuesFromZod(parsed.error)));
    const event = parsed.data;
    const message = snapshot.context;
    const status = statusOfValueHere(snapshot.value);

    const subject = { kind: 'message', id: message.id, number: message.number } as const;
    if (!acceptsEvent(snapshot, event.type)) {
      return refuse(
        namedRefusal(
          { kind: 'not_allowed_in_status', eventType: event.type, status, subject },
          directory,
        ),
      );
    }
    if (!isPermitted(event.type, event.by, message, status, directory)) {
      return refuse(
        namedRefusal(
          { kind: 'forbidden', eventType: event.type, principalId: event.by.id, subject },
          directory,
        ),
      );
    }
    const unmet = unmetPrecondition(event.type, message, directory);
    if (unmet !== null) return refuse(invalidPayload([{ path: [], message: unmet }]));
    const resolved = resolveEvent(event, message, directory, files);
    if (!resolved.ok) return resolved;
    return run(snapshot, status, resolved.value);
  }

  function run(
    snapshot: MessageSnapshot,
    fromStatus: MessageStatus,
    event: MessageMachineEvent,
  ): ApplyResult {
    const state = states.stateOf(snapshot);
    const [next, actions] = transitionMessage(state, event);
    if (next === state || next.context === state.context) {
      // A guard turned the event down (a stale timer, say): nothing happened.
      const message = snapshot.context;
      return refuse({
        kind: 'not_allowed_in_status',
        message: `Сообщение № ${message.number}: сейчас нельзя ${posRefusalWords.action(event.type)}`,
        eventType: event.type,
        status: fromStatus,
        subject: { kind: 'message', id: message.id, number: message.number },
      });
    }
    const toStatus = statusOfValueHere(next.value);
    return {
      ok: true,
      event,
      snapshot: plain(next),
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

  function availableEvents(
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

  return { version, machine, startMessage, applyEvent, availableEvents, acceptsEvent, statusOf };
}
