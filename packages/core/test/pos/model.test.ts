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
  timersOf,
} from '../../src/index.js';
import { plausiblePayload } from '../../src/testing/index.js';
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
} from '../helpers.js';

const by = users.coordinatorRoads;
const sampleEvents: MessageMachineEvent[] = [
  { type: 'moderation.accept', at: at(1), by, deadline: null },
  { type: 'deadline.due_soon', at: at(1), by, dueAt: at(1) },
  { type: 'deadline.overdue', at: at(1), by, dueAt: at(1) },
  { type: 'deadline.extension_request', at: at(1), by, until: at(9), reason: 'Нужна экспертиза' },
  { type: 'deadline.extension_deny', at: at(1), by, comment: 'Нет' },
  { type: 'moderation.reject', at: at(1), by, reason: 'Спам' },
  {
    type: 'executor.assign',
    at: at(1),
    by,
    executorId: 'e',
    executionDueAt: null,
    autoruleId: null,
  },
  { type: 'work.take', at: at(1), by, deadline: null },
  { type: 'coordination.forward', at: at(1), by, orgId: 'o2', comment: null, autoruleId: null },
  { type: 'coordination.return', at: at(1), by, toOrgId: 'o0', comment: 'x' },
  { type: 'executor.reassign', at: at(1), by, executorId: 'e2', comment: null },
  { type: 'answer.submit', at: at(1), by, answer: { type: 'resolved', text: 'Ок', files: [] } },
  {
    type: 'answer.approve',
    at: at(1),
    by,
    comment: null,
    ratingDueAt: at(99),
    deliveryDueAt: at(99),
  },
  { type: 'rating.submit', at: at(1), by, score: 5, comment: null, reReview: null },
  {
    type: 'rating.submit',
    at: at(1),
    by,
    score: 1,
    comment: 'Плохо',
    reReview: { toOrgId: 'kam-gov', byCurator: false, deadline: null },
  },
  {
    type: 'delivery.confirm',
    at: at(1),
    by,
    channel: 'phone',
    note: 'Дозвонились',
    ratingDueAt: at(99),
  },
  { type: 'delivery.email_result', at: at(1), by, sent: true, error: null },
  { type: 'rating.window_closed', at: at(1), by, dueAt: at(99) },
  { type: 'delivery.overdue', at: at(1), by, dueAt: at(99) },
  {
    type: 'answer.submit',
    at: at(1),
    by,
    answer: { type: 'postponed', text: 'Весной', files: [], postponedUntil: '2025-05-01' },
  },
  { type: 'postponement.due', at: at(1), by, until: '2025-05-01' },
  { type: 'answer.return', at: at(1), by, comment: 'Доработать' },
  { type: 'registration.update', at: at(1), by, registrationNumber: 'Р-1', registeredAt: null },
];

const awaitingLoops: MessageStatus[] = [];

/**
 * The context grows with every loop (ratings, rounds), so states are told apart by their
 * value and the kind of answer only: the graph of statuses is finite, the contexts are not.
 */
const serializeState = (state: {
  value: unknown;
  context: { message: { answer: { type: string } | null; reReviewRound: number } };
}) =>
  JSON.stringify([
    state.value,
    state.context.message.answer?.type ?? null,
    Math.min(state.context.message.reReviewRound, 1),
  ]);

describe('model: the machine graph', () => {
  const reached = new Set<string>();
  for (const message of [start().context, start(operatorSubmit()).context]) {
    const paths = getShortestPaths(messageMachine, {
      events: sampleEvents,
      input: { message },
      // The context grows with every loop (ratings, rounds), so states are told apart by
      // their value alone: the graph of statuses is finite, the contexts are not.
      serializeState,
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
      serializeState,
    })) {
      const status = statusOf(path.state as unknown as MessageSnapshot);
      const actor = createActor(messageMachine, {
        input: path.state.context,
        snapshot: messageMachine.resolveState({
          value: path.state.value,
          context: path.state.context,
        }),
      });
      const snap = actor.getSnapshot();
      for (const event of sampleEvents) {
        // The machine never takes an event the status does not accept; guards may still
        // turn down an accepted one (a stale timer, say).
        if (snap.can(event)) {
          expect(
            acceptsEvent(path.state, event.type as MessageEventType),
            `${event.type} in ${status}`,
          ).toBe(true);
        }
      }
    }
  });
});

const answer = (type: 'resolved' | 'postponed') =>
  type === 'postponed'
    ? { type, text: 'Ремонт весной', postponedUntil: '2025-05-01' }
    : { type, text: 'Яма заделана' };

/** The way to each status; `answerType` chooses the answer the paths through approval give. */
function reachStatus(
  status: string,
  answerType: 'resolved' | 'postponed' = 'resolved',
): MessageSnapshot {
  const portal = (steps: Parameters<typeof drive>[1]) => drive(start(), steps);
  const approved = () =>
    portal([
      ...toInWork,
      { type: 'answer.submit', by: users.executorRoads, answer: answer(answerType) },
      { type: 'answer.approve', by: users.headRoads },
    ]);
  const ready = () =>
    drive(start(operatorSubmit()), [
      {
        type: 'executor.assign',
        by: users.coordinatorUlyRoads,
        executorId: users.executorUlyRoads.id,
      },
      { type: 'work.take', by: users.executorUlyRoads },
      { type: 'answer.submit', by: users.executorUlyRoads, answer: answer(answerType) },
      { type: 'answer.approve', by: users.headUlyRoads },
    ]);
  switch (status) {
    case 'moderation':
      return start();
    case 'rejected':
      return portal([{ type: 'moderation.reject', by: users.moderator, reason: 'Спам' }]);
    case 'coordination':
      return portal(toCoordination);
    case 'executor_assigned':
      return portal(toAssigned);
    case 'in_work':
      return portal(toInWork);
    case 'on_approval':
      return portal(toApproval);
    case 'answer_sent':
      return approved();
    case 'answer_ready':
      return ready();
    case 'answer_delivered':
      return drive(
        ready(),
        [{ type: 'delivery.confirm', by: users.operator, channel: 'phone', note: 'Дозвонились' }],
        100,
      );
    case 'completed':
      return drive(
        portal(toAnswerSent),
        [{ type: 'rating.submit', by: users.applicant, score: 5 }],
        100,
      );
    case 'postponed': {
      const until = {
        type: 'postponement.due',
        by: SYSTEM_PRINCIPAL,
        until: '2025-05-01',
        at: '2025-05-01T00:00:00.000Z',
      };
      return drive(reachStatus('answer_sent', 'postponed'), [until], 200);
    }
    default:
      throw new Error(`no path to ${status}`);
  }
}

describe('model: every event in every status through the workflow', () => {
  for (const name of messageStatusSchema.options) {
    for (const type of messageEventTypes) {
      // A postponement timer only applies to a postponed answer.
      const reached = reachStatus(name, type === 'postponement.due' ? 'postponed' : 'resolved');
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
        // Timer events come at their instant, as a store fires them.
        const timer = timersOf(snapshot).find((t) => t.event.type === type);
        const event = {
          type,
          at: timer && timer.fireAt > at(500) ? timer.fireAt : at(500),
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
