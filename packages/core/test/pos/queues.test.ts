import { describe, expect, it } from 'vitest';
import {
  deadlineStateOf,
  inQueue,
  type MessageSnapshot,
  type Queue,
  queueLabels,
  SYSTEM_PRINCIPAL,
  statusOf,
  workedFoldersOf,
  worksFolders,
} from '../../src/index.js';
import { drive, start, toAssigned, users } from '../helpers.js';

const codes = (principal: Parameters<typeof workedFoldersOf>[0]) =>
  workedFoldersOf(principal).map((f) => f.code);

describe('who works which folders and queues', () => {
  it('gives each role its own: coordinators the status folders, executors and heads their queues', () => {
    const deadlines = ['due_soon', 'overdue'];
    const statusFolders = [
      'new',
      'in_work',
      'returned',
      'processed',
      'on_approval',
      'returned_to_coordination',
    ];
    expect(codes(users.coordinatorRoads)).toEqual([...statusFolders, ...deadlines]);
    expect(codes(users.executorRoads)).toEqual([
      'assigned_new',
      'assigned_in_work',
      'assigned_returned',
      ...deadlines,
    ]);
    expect(codes(users.headRoads)).toEqual(['on_approval', 'extension_requests', ...deadlines]);
    expect(codes(users.moderator)).toEqual([...statusFolders, ...deadlines]);
    expect(codes(SYSTEM_PRINCIPAL)).toEqual([...statusFolders, ...deadlines]);
    for (const nobody of [users.applicant, users.operator]) {
      expect(codes(nobody)).toEqual([]);
      expect(worksFolders(nobody)).toBe(false);
    }
  });

  it('labels every queue in Russian, as the backoffice names them', () => {
    expect(queueLabels).toEqual({
      assigned_new: 'Новые',
      assigned_in_work: 'В работе',
      assigned_returned: 'Возвращены',
      extension_requests: 'Запросы на перенос срока',
      due_soon: 'Скоро срок',
      overdue: 'Просрочено',
    });
  });
});

describe('queues of a message', () => {
  const queuesOf = (snapshot: MessageSnapshot, viewerId: string) =>
    (Object.keys(queueLabels) as Queue[]).filter((q) =>
      inQueue(
        {
          status: statusOf(snapshot),
          message: snapshot.context,
          deadline: deadlineStateOf(snapshot),
        },
        q,
        viewerId,
      ),
    );
  const executor = users.executorRoads.id;

  it('follows an executor’s message from «Новые» to «В работе» to «Возвращены»', () => {
    const assigned = drive(start(), toAssigned);
    expect(queuesOf(assigned, executor)).toEqual(['assigned_new']);
    expect(queuesOf(assigned, users.executorRoads2.id)).toEqual([]);
    const inWork = drive(assigned, [{ type: 'work.take', by: users.executorRoads }], 10);
    expect(queuesOf(inWork, executor)).toEqual(['assigned_in_work']);
    const returned = drive(
      toApprovalFrom(inWork),
      [{ type: 'answer.return', by: users.headRoads, comment: 'Добавьте фото' }],
      30,
    );
    expect(queuesOf(returned, executor)).toEqual(['assigned_returned']);
  });

  it('holds a pending extension request, and the deadline region’s due soon and overdue', () => {
    const assigned = drive(start(), toAssigned);
    expect(deadlineStateOf(assigned)).toBe('on_time');
    const asked = drive(
      assigned,
      [
        {
          type: 'deadline.extension_request',
          by: users.coordinatorRoads,
          until: '2025-02-01',
          reason: 'Экспертиза',
        },
      ],
      10,
    );
    expect(queuesOf(asked, executor)).toEqual(['assigned_new', 'extension_requests']);
    const { dueSoonAt, responseDueAt } = asked.context;
    const soon = drive(asked, [
      { type: 'deadline.due_soon', by: SYSTEM_PRINCIPAL, at: dueSoonAt, dueAt: dueSoonAt },
    ]);
    expect(queuesOf(soon, 'nobody')).toEqual(['extension_requests', 'due_soon']);
    const late = drive(soon, [
      { type: 'deadline.overdue', by: SYSTEM_PRINCIPAL, at: responseDueAt, dueAt: responseDueAt },
    ]);
    expect(queuesOf(late, 'nobody')).toEqual(['extension_requests', 'overdue']);
    expect(deadlineStateOf({ value: 'moderation' })).toBeNull();
  });
});

const toApprovalFrom = (inWork: MessageSnapshot) =>
  drive(
    inWork,
    [
      {
        type: 'answer.submit',
        by: users.executorRoads,
        answer: { type: 'resolved', text: 'Сделано', files: [] },
      },
    ],
    20,
  );
