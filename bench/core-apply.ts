/**
 * Events per second through the full apply path (restore a persisted snapshot, validate,
 * check permission, transition, persist) next to raw XState on the same machine and
 * events (restore + transition() + persisted form), in one run. The persisted snapshot keeps
 * the message as its context; the machine holds it as `{ message }`.
 *
 *   npx tsx --conditions=@reshaem/source bench/core-apply.ts
 */
import { type AnyActorScope, createActor, transition } from 'xstate';
import {
  applyEvent,
  type MessageMachineEvent,
  type MessageSnapshot,
  messageMachine,
  startMessage,
} from '../packages/core/src/index.js';
import { createDemoDirectory, demoUsers as u } from '../packages/core/src/testing/index.js';

const directory = createDemoDirectory();
const T0 = Date.parse('2025-01-15T11:18:00.000Z');
const at = (i: number) => new Date(T0 + i * 60_000).toISOString();

// A message in work; the cycle answer.submit → answer.return → answer.submit … keeps it
// alive forever, alternating two real transitions with validation, permission and effects.
const started = startMessage(
  {
    type: 'submit',
    at: at(0),
    by: u.applicant,
    messageId: 'bench-1',
    number: '41-1',
    channel: 'epgu_form',
    orgId: 'kam-roads',
    regionCode: '41',
    applicant: { name: 'Иванов И. И.' },
    text: 'Яма на дороге',
    categoryId: 'roads',
    subcategoryId: 'potholes',
  },
  directory,
);
if (!started.ok) throw new Error(started.error.message);
let snapshot: MessageSnapshot = started.snapshot;
for (const step of [
  { type: 'moderation.accept', by: u.moderator },
  { type: 'executor.assign', by: u.coordinatorRoads, executorId: u.executorRoads.id },
  { type: 'work.take', by: u.executorRoads },
]) {
  const r = applyEvent(snapshot, { ...step, at: at(1) }, directory);
  if (!r.ok) throw new Error(r.error.message);
  snapshot = r.snapshot;
}
const inWork = JSON.stringify(snapshot);

const publicEvents = [
  {
    type: 'answer.submit',
    by: u.executorRoads,
    answer: { type: 'resolved', text: 'Яма заделана', files: [{ name: 'акт.pdf' }] },
  },
  { type: 'answer.return', by: u.headRoads, comment: 'Приложите фото' },
];
const machineEvents: MessageMachineEvent[] = [
  {
    type: 'answer.submit',
    at: at(2),
    by: u.executorRoads,
    answer: { type: 'resolved', text: 'Яма заделана', files: [{ name: 'акт.pdf' }] },
  },
  { type: 'answer.return', at: at(3), by: u.headRoads, comment: 'Приложите фото' },
];

function fullPath(n: number): number {
  let current = JSON.parse(inWork) as MessageSnapshot;
  for (let i = 0; i < n; i++) {
    const event = { ...publicEvents[i % 2], at: at(i + 2) };
    const result = applyEvent(current, event, directory);
    if (!result.ok) throw new Error(result.error.message);
    current = result.snapshot;
  }
  return n;
}

function rawXState(n: number): number {
  let current = JSON.parse(inWork) as MessageSnapshot;
  for (let i = 0; i < n; i++) {
    const state = messageMachine.resolveState({
      value: current.value,
      context: { message: current.context },
    });
    const [next] = transition(messageMachine, state, machineEvents[i % 2]!);
    const persisted = messageMachine.getPersistedSnapshot(next) as unknown as {
      value: MessageSnapshot['value'];
      context: { message: MessageSnapshot['context'] };
    };
    current = { value: persisted.value, context: persisted.context.message };
  }
  return n;
}

// The same technique the full path uses (one inert actor scope, machine.transition): the
// fastest raw XState can go, and so the honest baseline for the ratio.
const scopeActor = createActor(messageMachine, { input: { message: JSON.parse(inWork).context } });
const inertScope = {
  self: scopeActor,
  id: '',
  sessionId: '',
  logger: () => {},
  defer: () => {},
  emit: () => {},
  system: scopeActor.system,
  stopChild: () => {},
  actionExecutor: () => {},
} as unknown as AnyActorScope;
function rawXStateSharedScope(n: number): number {
  let current = JSON.parse(inWork) as MessageSnapshot;
  for (let i = 0; i < n; i++) {
    const state = messageMachine.resolveState({
      value: current.value,
      context: { message: current.context },
    });
    const next = messageMachine.transition(state, machineEvents[i % 2]!, inertScope);
    const persisted = messageMachine.getPersistedSnapshot(next) as unknown as {
      value: MessageSnapshot['value'];
      context: { message: MessageSnapshot['context'] };
    };
    current = { value: persisted.value, context: persisted.context.message };
  }
  return n;
}

function measure(fn: (n: number) => number, ms = 1500): number {
  fn(2000); // warm-up
  let events = 0;
  const startedAt = performance.now();
  while (performance.now() - startedAt < ms) events += fn(1000);
  return events / ((performance.now() - startedAt) / 1000);
}

const rounds = 3;
const full: number[] = [];
const raw: number[] = [];
const rawShared: number[] = [];
for (let r = 0; r < rounds; r++) {
  raw.push(measure(rawXState));
  rawShared.push(measure(rawXStateSharedScope));
  full.push(measure(fullPath));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = median(full);
const x = median(raw);
const xs = median(rawShared);
console.log(`core apply path vs raw XState — node ${process.version}, median of ${rounds} rounds`);
console.table({
  'raw XState: resolveState + transition() + getPersistedSnapshot': { 'events/s': Math.round(x) },
  'raw XState: same, one shared inert scope': { 'events/s': Math.round(xs) },
  'reshaem applyEvent (validate + permit + resolve + transition)': { 'events/s': Math.round(f) },
});
console.log(`ratio full/raw transition(): ${(f / x).toFixed(2)}`);
console.log(`ratio full/raw shared scope: ${(f / xs).toFixed(2)} (target ≥ 0.70)`);
console.log(`full path ≥ 10,000 events/s: ${f >= 10_000 ? 'yes' : 'no'}`);
