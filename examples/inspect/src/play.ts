import {
  type ApplyResult,
  type DefinedMessageWorkflow,
  type Directory,
  definitionTitle,
  type MessageSnapshot,
  type MessageStatus,
  posWorkflow,
  SYSTEM_PRINCIPAL,
  timersOf,
} from '@reshaem/core';
import { createActor, type InspectionEvent, type Observer } from 'xstate';
import type { ScenarioMessage, ScenarioStep } from './scenario.js';

/** One step as it was played, for the narration. */
export interface PlayedStep {
  message: string;
  say: string;
  type: string;
  at: string;
  status: MessageStatus;
}

export interface PlayOptions {
  directory: Directory;
  /** The inspector's observer (`inspector.inspect`): sees every actor, event and snapshot. */
  inspect?: Observer<InspectionEvent>;
  /** Told after each step (narration in the terminal). */
  onStep?: (step: PlayedStep) => void;
  /** A pause between steps, so that a person can follow along in the inspector. */
  delayMs?: number;
  /**
   * The workflow whose current definition is played and drawn; `posWorkflow` by default.
   * Each actor is named with the definition version it runs (`… · pos definition v1`).
   */
  workflow?: DefinedMessageWorkflow;
}

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function ok(result: ApplyResult, what: string) {
  if (!result.ok) throw new Error(`${what} was refused: ${result.error.message}`);
  return result;
}

/** The public event of a step: a person's, or the timer the snapshot is waiting on. */
function eventOf(step: ScenarioStep, snapshot: MessageSnapshot, clock: number) {
  if ('timer' in step) {
    const timer = timersOf(snapshot).find((t) => t.event.type === step.timer);
    if (!timer) throw new Error(`no ${step.timer} timer is waiting on ${snapshot.context.number}`);
    return { ...timer.event, at: timer.fireAt, by: SYSTEM_PRINCIPAL };
  }
  const at = new Date(clock + (step.minutesLater ?? 60) * MINUTE).toISOString();
  return { ...step.event, at };
}

/**
 * Plays one message's life through a real XState actor of the workflow's current machine
 * (`messageMachine` for `posWorkflow`). Each step goes
 * through the core first (`startMessage` / `applyEvent`: validation, permissions,
 * look-ups), the resulting machine event is sent to the actor, and the actor must land
 * exactly on the core's snapshot — so what the inspector shows is what the store would keep.
 */
async function playMessage(
  message: ScenarioMessage,
  options: PlayOptions,
): Promise<MessageStatus[]> {
  const { directory } = options;
  const workflow = options.workflow ?? posWorkflow;
  const machine = workflow.machineOf(workflow.definition.version);
  if (!machine) throw new Error(`no machine for ${definitionTitle(workflow.definition)}`);
  const created = ok(
    workflow.startMessage(message.submit, directory),
    `submit of ${message.submit.number}`,
  );
  let snapshot = created.snapshot;
  const actor = createActor(machine, {
    id: `message ${created.snapshot.context.number} · ${definitionTitle(workflow.definition)}`,
    input: { message: created.snapshot.context },
    ...(options.inspect ? { inspect: options.inspect } : {}),
  });
  actor.start();
  const visited = [created.status];
  const report = (say: string, type: string, at: string, status: MessageStatus) =>
    options.onStep?.({ message: snapshot.context.number, say, type, at, status });
  report(message.title, 'submit', created.record.at, created.status);
  let clock = Date.parse(created.record.at);
  for (const step of message.steps) {
    if (options.delayMs) await sleep(options.delayMs);
    const input = eventOf(step, snapshot, clock);
    const applied = ok(
      workflow.applyEvent(snapshot, input, directory),
      `${input.type} on ${snapshot.context.number}`,
    );
    // The core hands back the event as the machine took it: replay exactly that.
    if (!applied.event) throw new Error(`${input.type} gave no machine event`);
    const event = applied.event;
    actor.send(event);
    const state = actor.getSnapshot();
    if (
      !same(state.value, applied.snapshot.value) ||
      !same(state.context.message, applied.snapshot.context)
    ) {
      throw new Error(
        `the actor and the core disagree after ${input.type} on ${snapshot.context.number}`,
      );
    }
    snapshot = applied.snapshot;
    clock = Math.max(clock, Date.parse(event.at));
    visited.push(applied.status);
    report(step.say, input.type, event.at, applied.status);
  }
  actor.stop();
  return visited;
}

/**
 * Plays the scenario, message by message; returns every status each message passed through.
 *
 * @example
 * const inspector = createWebSocketInspector({ url: 'ws://localhost:8080' });
 * await playScenario(scenario, { directory: createDemoDirectory(), inspect: inspector.inspect });
 */
export async function playScenario(
  messages: readonly ScenarioMessage[],
  options: PlayOptions,
): Promise<MessageStatus[][]> {
  const visited: MessageStatus[][] = [];
  for (const message of messages) visited.push(await playMessage(message, options));
  return visited;
}
