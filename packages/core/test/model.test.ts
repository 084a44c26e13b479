import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  acceptsEvent,
  applyEvent,
  isPermitted,
  type MessageEventType,
  type MessageMachineEvent,
  type MessageSnapshot,
  type MessageStatus,
  messageEventTypes,
  messageMachine,
  messageStatusSchema,
  SYSTEM_PRINCIPAL,
  statusOf,
} from '../src/index.js';
import { plausiblePayload } from '../src/testing/index.js';
import {
  at,
  directory,
  drive,
  operatorSubmit,
  start,
  toAnswerSent,
  toApproval,
  toAssigned,
  toCoordination,
  toInWork,
  users,
} from './helpers.js';

const by = users.coordinatorRoads;
const sampleEvents: MessageMachineEvent[] = [
  { type: 'moderation.accept', at: at(1), by, deadline: null },
  { type: 'deadline.due_soon', at: at(1), by, dueAt: at(1) },
  { type: 'deadline.overdue', at: at(1), by, dueAt: at(1) },
  { type: 'deadline.extension_request', at: at(1), by, until: at(9), reason: 'Нужна экспертиза' },
  { type: 'deadline.extension_deny', at: at(1), by, comment: 'Нет' },
  { type: 'moderation.reject', at: at(1), by, reason: 'Спам' },
  { type: 'executor.assign', at: at(1), by, executorId: 'e', executionDueAt: null },
  { type: 'work.take', at: at(1), by },
  { type: 'coordination.forward', at: at(1), by, orgId: 'o2', comment: null },
  { type: 'coordination.return', at: at(1), by, toOrgId: 'o0', comment: 'x' },
  { type: 'executor.reassign', at: at(1), by, executorId: 'e2', comment: null },
  { type: 'answer.submit', at: at(1), by, answer: { type: 'resolved', text: 'Ок', files: [] } },
  { type: 'answer.approve', at: at(1), by, comment: null },
  { type: 'answer.return', at: at(1), by, comment: 'Доработать' },
  { type: 'registration.update', at: at(1), by, registrationNumber: 'Р-1', registeredAt: null },
];

/** Statuses whose way in is the rating, postponement and delivery loops (their own issue). */
const awaitingLoops: MessageStatus[] = ['answer_delivered', 'postponed', 'completed'];

describe('model: the machine graph', () => {
  const reached = new Set<string>();
  for (const message of [start().context, start(operatorSubmit()).context]) {
    const paths = getShortestPaths(messageMachine, {
      events: sampleEvents,
      input: { message },
      toState: undefined,
    });
    for (const path of paths) reached.add(statusOf(path.state as unknown as MessageSnapshot));
  }

  it('reaches every status of the lifecycle from portal and operator messages', () => {
    const expected = messageStatusSchema.options.filter((s) => !awaitingLoops.includes(s));
    expect([...reached].sort()).toEqual([...expected].sort());
  });

  it('accepts in each status exactly the events the machine can take', () => {
    for (const path of getShortestPaths(messageMachine, {
      events: sampleEvents,
      input: { message: start().context },
    })) {
      const status = statusOf(path.state as unknown as MessageSnapshot);
      const actor = createActor(messageMachine, {
        input: { message: path.state.context },
        snapshot: messageMachine.resolveState({
          value: path.state.value,
          context: path.state.context,
        }),
      });
      const snap = actor.getSnapshot();
      for (const event of sampleEvents) {
        expect(
          acceptsEvent(path.state, event.type as MessageEventType),
          `${event.type} in ${status}`,
        ).toBe(snap.can(event));
      }
    }
  });
});

const statusPaths: Array<[string, () => MessageSnapshot]> = [
  ['moderation', () => start()],
  [
    'rejected',
    () => drive(start(), [{ type: 'moderation.reject', by: users.moderator, reason: 'Спам' }]),
  ],
  ['coordination', () => drive(start(), toCoordination)],
  ['executor_assigned', () => drive(start(), toAssigned)],
  ['in_work', () => drive(start(), toInWork)],
  ['on_approval', () => drive(start(), toApproval)],
  ['answer_sent', () => drive(start(), toAnswerSent)],
  [
    'answer_ready',
    () =>
      drive(start(operatorSubmit()), [
        {
          type: 'executor.assign',
          by: users.coordinatorUlyRoads,
          executorId: users.executorUlyRoads.id,
        },
        { type: 'work.take', by: users.executorUlyRoads },
        {
          type: 'answer.submit',
          by: users.executorUlyRoads,
          answer: { type: 'resolved', text: 'Ок' },
        },
        { type: 'answer.approve', by: users.headUlyRoads },
      ]),
  ],
];

describe('model: every event in every status through the workflow', () => {
  for (const [name, reach] of statusPaths) {
    for (const type of messageEventTypes) {
      const reached = reach();
      // Approving or denying an extension needs a request waiting for the head.
      const needsRequest =
        type === 'deadline.extension_approve' || type === 'deadline.extension_deny';
      const snapshot =
        needsRequest && acceptsEvent(reached, 'deadline.extension_request')
          ? drive(
              reached,
              [
                {
                  type: 'deadline.extension_request',
                  by: users.coordinatorRoads,
                  ...plausiblePayload('deadline.extension_request', reached, directory),
                },
              ],
              400,
            )
          : reached;
      const status = statusOf(snapshot);
      const sender = [...directory.users, SYSTEM_PRINCIPAL].find((u) =>
        isPermitted(type, u, snapshot.context, status, directory),
      );
      it(`${type} in ${name}: ${acceptsEvent(snapshot, type) ? 'allowed' : 'refused'}`, () => {
        expect(status).toBe(name);
        const event = {
          type,
          at: at(500),
          by: sender ?? users.headGov,
          ...plausiblePayload(type, snapshot, directory),
        };
        const result = applyEvent(snapshot, event, directory);
        if (acceptsEvent(snapshot, type)) {
          expect(sender, `someone may send ${type} in ${name}`).toBeDefined();
          expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.kind).toBe('not_allowed_in_status');
        }
      });
    }
  }
});
