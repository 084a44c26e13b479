/**
 * A test-only second definition of the ПОС message machine, the kind of change a release
 * makes when the rules change:
 * - the state `postponed` is renamed `resuming` (its status code stays `postponed`);
 * - `registration.update` is no longer accepted while an answer awaits approval.
 * The migration v1 → v2 renames the state in the snapshot and declares every event type
 * but `registration.update` unchanged.
 */
import type { StateValue } from 'xstate';
import {
  defineMessageWorkflow,
  type MessageDefinition,
  type MessageSnapshot,
  messageEventTypes,
  messageMachine,
  type OlderDefinition,
} from '../../../src/index.js';
import { deadlineRegion } from '../../../src/pos/machine/deadline-region.js';
import { statusOfValue } from '../../../src/pos/machine/machine.js';
import { messageSetup } from '../../../src/pos/machine/setup.js';
import { statusRegion } from '../../../src/pos/machine/status-region.js';

type Config = Record<string, unknown>;

const retarget = (transition: unknown, from: string, to: string): unknown => {
  if (Array.isArray(transition)) return transition.map((t) => retarget(t, from, to));
  if (transition && typeof transition === 'object' && 'target' in transition) {
    const t = transition as Config;
    return t.target === from ? { ...t, target: to } : t;
  }
  return transition;
};

/** The status region with state `from` renamed `to`, every transition into it retargeted. */
function renameState(region: Config, from: string, to: string): Config {
  const states: Record<string, Config> = {};
  for (const [key, state] of Object.entries(region.states as Record<string, Config>)) {
    const on = state.on as Config | undefined;
    const always = state.always as unknown;
    states[key === from ? to : key] = {
      ...state,
      ...(on
        ? { on: Object.fromEntries(Object.entries(on).map(([e, t]) => [e, retarget(t, from, to)])) }
        : {}),
      ...(always ? { always: retarget(always, from, to) } : {}),
    };
  }
  return { ...region, states };
}

const renamed = renameState(statusRegion as Config, 'postponed', 'resuming');
const states = renamed.states as Record<string, Config>;
const approval = states.on_approval ?? {};
const { 'registration.update': _dropped, ...onApproval } = (approval.on ?? {}) as Config;
states.on_approval = { ...approval, on: onApproval };

/** The v2 machine: the same setup and deadline region, the changed status region. */
export const messageMachineV2 = messageSetup.createMachine({
  id: 'message',
  type: 'parallel',
  context: ({ input }) => ({ message: { ...input.message } }),
  states: { status: renamed as typeof statusRegion, deadline: deadlineRegion },
});

/** `resuming` is the v2 name of status `postponed`. */
export function statusOfV2(value: StateValue) {
  const status = (value as { status?: unknown }).status;
  return status === 'resuming' ? 'postponed' : statusOfValue(value);
}

export const definitionV1: MessageDefinition = { version: 1, machine: messageMachine };
export const definitionV2: MessageDefinition = {
  version: 2,
  machine: messageMachineV2,
  statusOf: statusOfV2,
};

/** The declared migration v1 → v2: pure, the state renamed, nothing else touched. */
export function migrateV1ToV2(snapshot: MessageSnapshot): MessageSnapshot {
  const value = snapshot.value as Record<string, StateValue>;
  return value.status === 'postponed'
    ? { ...snapshot, value: { ...value, status: 'resuming' } }
    : snapshot;
}

export const v1Migrated: OlderDefinition = {
  policy: 'migrate',
  version: 1,
  migrate: migrateV1ToV2,
  unchanged: messageEventTypes.filter((t) => t !== 'registration.update'),
};

/** Release 2, keeping v1 messages on v1. */
export const keepingV1 = defineMessageWorkflow({
  current: definitionV2,
  older: [{ policy: 'keep', definition: definitionV1 }],
});

/** Release 2, migrating v1 messages to v2 on read. */
export const migratingV1 = defineMessageWorkflow({ current: definitionV2, older: [v1Migrated] });

/** Release 2, refusing v1 messages. */
export const retiringV1 = defineMessageWorkflow({
  current: definitionV2,
  older: [{ policy: 'retired', version: 1 }],
});
