import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  availableEvents,
  messageStatuses,
  startMessage,
  statusOf,
} from '../../src/index.js';
import {
  at,
  directory,
  drive,
  expectRefused,
  operatorSubmit,
  operatorToAnswerReady,
  potholeSubmit,
  start,
  T0,
  toAnswerSent,
  toApproval,
  toCoordination,
  toInWork,
  users,
} from '../helpers.js';

describe('submit', () => {
  it('puts a portal message on moderation with the subcategory fast-track flag', () => {
    const result = startMessage(potholeSubmit(), directory);
    expect(result.ok && result.status).toBe('moderation');
    if (!result.ok) return;
    const m = result.snapshot.context;
    expect(m.fastTrack).toBe(true);
    expect(m.applicant.userId).toBe(users.applicant.id);
    expect(m.receivedOrgId).toBe('kam-roads');
    expect(m.registeredAt).toBeNull();
    expect(result.record).toMatchObject({
      type: 'submit',
      fromStatus: null,
      toStatus: 'moderation',
    });
    expect(result.effects).toEqual([]);
  });

  it('sends an operator-entered message straight to coordination, registered on entry', () => {
    const result = startMessage(operatorSubmit(), directory);
    expect(result.ok && result.status).toBe('coordination');
    if (!result.ok) return;
    expect(result.snapshot.context.enteredBy).toBe(users.operator.id);
    expect(result.snapshot.context.registeredAt).toBe(T0);
    expect(result.effects).toEqual([
      {
        type: 'notify',
        reason: 'message_received',
        to: { kind: 'organisation', orgId: 'uly-roads' },
        messageId: 'm-op',
      },
    ]);
  });

  it('normalises instants with an offset to UTC', () => {
    const result = startMessage(potholeSubmit({ at: '2025-01-15T23:18:00+12:00' }), directory);
    expect(result.ok && result.snapshot.context.createdAt).toBe(T0);
  });

  it('refuses a phoned-in message from anyone but an operator', () => {
    expectRefused(startMessage(operatorSubmit({ by: users.applicant }), directory), 'forbidden');
  });

  it('refuses a portal message from staff', () => {
    expectRefused(
      startMessage(potholeSubmit({ by: users.coordinatorRoads }), directory),
      'forbidden',
    );
  });

  it('refuses an organisation not competent for the subcategory, but accepts the coordinating one', () => {
    expectRefused(
      startMessage(potholeSubmit({ orgId: 'uly-health' }), directory),
      'invalid_payload',
    );
    const fallback = startMessage(potholeSubmit({ orgId: 'kam-gov' }), directory);
    expect(fallback.ok).toBe(true);
  });

  it('reports every invalid field with its path', () => {
    const result = startMessage({ ...potholeSubmit(), text: '', at: 'yesterday' }, directory);
    expectRefused(result, 'invalid_payload');
    if (result.ok || result.error.kind !== 'invalid_payload') return;
    expect(result.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['at', 'text']);
  });

  it('refuses a fact from another subcategory', () => {
    const result = startMessage(potholeSubmit({ factId: 'nope' }), directory);
    expectRefused(result, 'invalid_payload');
  });
});

describe('moderation', () => {
  it('accepts into coordination at the chosen organisation and registers the message', () => {
    const result = applyEvent(
      start(),
      { type: 'moderation.accept', at: at(5), by: users.moderator },
      directory,
    );
    expect(result.ok && result.status).toBe('coordination');
    if (!result.ok) return;
    expect(result.snapshot.context.registeredAt).toBe(at(5));
    expect(result.snapshot.context.holdingOrgId).toBe('kam-roads');
    expect(result.effects[0]).toMatchObject({ reason: 'message_received' });
  });

  it('rejects with a reason and tells the applicant', () => {
    const result = applyEvent(
      start(),
      { type: 'moderation.reject', at: at(5), by: users.moderator, reason: 'Оскорбления' },
      directory,
    );
    expect(result.ok && result.status).toBe('rejected');
    if (!result.ok) return;
    expect(result.snapshot.context.rejectionReason).toBe('Оскорбления');
    expect(result.effects).toEqual([
      { type: 'notify', reason: 'message_rejected', to: { kind: 'applicant' }, messageId: 'm-1' },
    ]);
  });

  it('needs a reason to reject', () => {
    expectRefused(
      applyEvent(
        start(),
        { type: 'moderation.reject', at: at(5), by: users.moderator, reason: '  ' },
        directory,
      ),
      'invalid_payload',
    );
  });

  it('belongs to moderators above the organisation, not to those of another region', () => {
    expectRefused(
      applyEvent(
        start(),
        { type: 'moderation.accept', at: at(5), by: users.moderatorUly },
        directory,
      ),
      'forbidden',
    );
  });
});

describe('coordination', () => {
  const coordinated = () => drive(start(), toCoordination);

  it('assigns an executor of the organisation with an execution deadline', () => {
    const result = applyEvent(
      coordinated(),
      {
        type: 'executor.assign',
        at: at(10),
        by: users.coordinatorRoads,
        executorId: users.executorRoads.id,
        executionDueAt: at(60 * 24 * 3),
      },
      directory,
    );
    expect(result.ok && result.status).toBe('executor_assigned');
    if (!result.ok) return;
    expect(result.snapshot.context).toMatchObject({
      coordinatorId: users.coordinatorRoads.id,
      executorId: users.executorRoads.id,
      executionDueAt: at(60 * 24 * 3),
    });
    expect(result.effects[0]).toMatchObject({
      to: { kind: 'user', userId: users.executorRoads.id },
    });
  });

  it('refuses to assign someone who is not an executor there', () => {
    const result = applyEvent(
      coordinated(),
      {
        type: 'executor.assign',
        at: at(10),
        by: users.coordinatorRoads,
        executorId: users.executorGov.id,
      },
      directory,
    );
    expectRefused(result, 'invalid_payload');
  });

  it('lets the coordinator take the message and answer personally', () => {
    const taken = drive(coordinated(), [{ type: 'work.take', by: users.coordinatorRoads }], 10);
    expect(statusOf(taken)).toBe('in_work');
    expect(taken.context.executorId).toBe(users.coordinatorRoads.id);
    const answered = drive(
      taken,
      [
        {
          type: 'answer.submit',
          by: users.coordinatorRoads,
          answer: { type: 'resolved', text: 'Сделано' },
        },
      ],
      11,
    );
    expect(statusOf(answered)).toBe('on_approval');
  });

  it('returns the message to the parent organisation', () => {
    const returned = drive(
      coordinated(),
      [{ type: 'coordination.return', by: users.coordinatorRoads, comment: 'Не наша компетенция' }],
      10,
    );
    expect(statusOf(returned)).toBe('coordination');
    expect(returned.context.holdingOrgId).toBe('kam-gov');
    expect(returned.context.receivedOrgId).toBe('kam-roads');
    expect(returned.context.arrivedBy).toBe('returned');
  });

  it('forwards to a subordinate or a competent organisation, not elsewhere', () => {
    const atGov = drive(start(potholeSubmit({ orgId: 'kam-gov' })), toCoordination);
    const forwarded = drive(
      atGov,
      [{ type: 'coordination.forward', by: users.coordinatorGov, orgId: 'kam-roads' }],
      10,
    );
    expect(forwarded.context.holdingOrgId).toBe('kam-roads');
    expect(forwarded.context.arrivedBy).toBe('forwarded');
    // uly-roads is competent for potholes though not below kam-roads
    const competent = applyEvent(
      forwarded,
      { type: 'coordination.forward', at: at(20), by: users.coordinatorRoads, orgId: 'uly-roads' },
      directory,
    );
    expect(competent.ok).toBe(true);
    const wrong = applyEvent(
      forwarded,
      { type: 'coordination.forward', at: at(20), by: users.coordinatorRoads, orgId: 'uly-health' },
      directory,
    );
    expectRefused(wrong, 'invalid_payload');
  });

  it('cannot return from the top of the tree', () => {
    const atGov = drive(start(potholeSubmit({ orgId: 'kam-gov' })), toCoordination);
    expectRefused(
      applyEvent(
        atGov,
        { type: 'coordination.return', at: at(10), by: users.coordinatorGov, comment: 'x' },
        directory,
      ),
      'invalid_payload',
    );
  });
});

describe('execution', () => {
  it('lets the executor hand the message to a colleague, who must take it', () => {
    const assigned = drive(start(), toInWork);
    const handed = drive(
      assigned,
      [{ type: 'executor.reassign', by: users.executorRoads, executorId: users.executorRoads2.id }],
      20,
    );
    expect(statusOf(handed)).toBe('executor_assigned');
    expect(handed.context.executorId).toBe(users.executorRoads2.id);
    expectRefused(
      applyEvent(handed, { type: 'work.take', at: at(30), by: users.executorRoads }, directory),
      'forbidden',
    );
    expect(statusOf(drive(handed, [{ type: 'work.take', by: users.executorRoads2 }], 31))).toBe(
      'in_work',
    );
  });

  it('accepts only the file types of the regulation', () => {
    const inWork = drive(start(), toInWork);
    const send = (name: string) =>
      applyEvent(
        inWork,
        {
          type: 'answer.submit',
          at: at(30),
          by: users.executorRoads,
          answer: { type: 'resolved', text: 'Ок', files: [{ name }] },
        },
        directory,
      );
    for (const name of ['акт.pdf', 'Фото.JPEG', 'таблица.xlsx', 'письмо.odt'])
      expect(send(name).ok).toBe(true);
    for (const name of ['photo.jpg', 'virus.exe', 'archive.zip', 'README'])
      expectRefused(send(name), 'invalid_payload');
  });

  it('requires the date of a postponed answer, and text for every answer', () => {
    const inWork = drive(start(), toInWork);
    const send = (answer: Record<string, unknown>) =>
      applyEvent(
        inWork,
        { type: 'answer.submit', at: at(30), by: users.executorRoads, answer },
        directory,
      );
    expectRefused(send({ type: 'postponed', text: 'Весной' }), 'invalid_payload');
    expect(send({ type: 'postponed', text: 'Весной', postponedUntil: '2025-05-01' }).ok).toBe(true);
    expectRefused(send({ type: 'declined', text: '' }), 'invalid_payload');
  });
});

describe('approval', () => {
  it('sends the approved answer to the applicant', () => {
    const sent = drive(start(), toAnswerSent);
    expect(statusOf(sent)).toBe('answer_sent');
    expect(sent.context.headId).toBe(users.headRoads.id);
    expect(sent.context.answer).toMatchObject({
      approvedBy: users.headRoads.id,
      preparedBy: users.executorRoads.id,
    });
  });

  it('makes an operator-entered answer ready for delivery instead', () => {
    const op = start(operatorSubmit());
    const ready = drive(op, operatorToAnswerReady);
    expect(statusOf(ready)).toBe('answer_ready');
  });

  it('returns the answer for rework with a comment', () => {
    const back = drive(start(), [
      ...toApproval,
      { type: 'answer.return', by: users.headRoads, comment: 'Приложите фото' },
    ]);
    expect(statusOf(back)).toBe('in_work');
    expect(back.context.lastReturnComment).toBe('Приложите фото');
  });

  it('belongs to the head of the holding organisation only', () => {
    const pending = drive(start(), toApproval);
    for (const by of [users.headGov, users.executorRoads, users.coordinatorRoads]) {
      expectRefused(
        applyEvent(pending, { type: 'answer.approve', at: at(99), by }, directory),
        'forbidden',
      );
    }
  });
});

describe('refusals change nothing', () => {
  it('refuses an event the status does not accept', () => {
    const result = applyEvent(
      start(),
      { type: 'answer.approve', at: at(3), by: users.headRoads },
      directory,
    );
    expectRefused(result, 'not_allowed_in_status');
    if (!result.ok && result.error.kind === 'not_allowed_in_status') {
      expect(result.error.status).toBe('moderation');
    }
  });

  it('refuses an unknown event type with the path of the type', () => {
    const result = applyEvent(start(), { type: 'hack', at: at(3), by: users.headRoads }, directory);
    expectRefused(result, 'invalid_payload');
  });

  it('never leaves a final status', () => {
    const rejected = drive(start(), [
      { type: 'moderation.reject', by: users.moderator, reason: 'Спам' },
    ]);
    expect(messageStatuses[statusOf(rejected)].final).toBe(true);
    expect(availableEvents(rejected, users.moderator, directory)).toEqual([]);
  });
});
