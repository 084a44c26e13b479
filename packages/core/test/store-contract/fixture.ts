import {
  type MessageStore,
  type StoredMessage,
  type SubmitEventInput,
  SYSTEM_PRINCIPAL,
} from '../../src/index.js';
import {
  at,
  operatorSubmit,
  potholeSubmit,
  toAnswerSent,
  toApproval,
  toCoordination,
  users,
} from '../helpers.js';
import { type Step, sendSteps, written } from './setup.js';

interface Spec {
  submit: SubmitEventInput;
  steps: Step[];
  /** Deadline timers to fire after the steps, each at the instant the message holds. */
  deadline?: Array<'deadline.due_soon' | 'deadline.overdue'>;
}

const accept: Step = { type: 'moderation.accept', by: users.moderator };
const acceptUly: Step = { type: 'moderation.accept', by: users.moderatorUly };
const assign = (executorId: string, by = users.coordinatorRoads): Step => ({
  type: 'executor.assign',
  by,
  executorId,
});
const answer = { type: 'resolved', text: 'Сделано', files: [] };

const pothole = (n: number, minute: number, extra: Partial<SubmitEventInput> = {}) =>
  potholeSubmit({
    messageId: `m-${String(n).padStart(2, '0')}`,
    number: `41-0000${String(n).padStart(2, '0')}`,
    at: at(minute),
    ...extra,
  });

const byPetrova = { by: users.applicant2, applicant: { name: 'Петрова Анна Сергеевна' } };
const byKuznetsov = { applicant: { name: 'Кузнецов Олег', email: 'kuz@example.ru' } };
const roadRepair = { subcategoryId: 'road-repair', factId: null };

/**
 * Seventeen messages in every folder, queue, status and channel the workflow reaches today, across
 * both regions, with ties in the creation instant and messages not yet registered.
 */
export const fixtureSpecs: Spec[] = [
  // Points: two in Петропавловск-Камчатский, one in Елизово, one in Ульяновск.
  { submit: pothole(1, 0, { location: { lat: 53.0245, lon: 158.6433 } }), steps: [] },
  {
    submit: pothole(2, 10, {
      channel: 'mobile_app',
      isPublic: true,
      location: { lat: 53.1873, lon: 158.3806 },
    }),
    steps: [accept],
  },
  {
    submit: pothole(3, 20, { channel: 'org_widget', ...byPetrova }),
    // Assigned by an autorule: «делегировано автоправилом».
    steps: [
      accept,
      {
        type: 'executor.assign',
        by: SYSTEM_PRINCIPAL,
        executorId: users.executorRoads.id,
        autoruleId: 'rule-potholes',
      },
    ],
  },
  {
    submit: pothole(4, 20, {
      channel: 'epgu_widget',
      ...byPetrova,
      ...roadRepair,
      text: 'Разбитая дорога на улице Мишенной',
    }),
    steps: [
      accept,
      assign(users.executorRoads2.id),
      { type: 'work.take', by: users.executorRoads2 },
    ],
  },
  {
    submit: pothole(5, 30, { factId: 'pothole-yard', text: 'Яма во дворе дома 12' }),
    steps: toAnswerSent,
  },
  {
    submit: pothole(6, 40, {
      channel: 'reshaem_app',
      orgId: 'kam-edu',
      categoryId: 'education',
      subcategoryId: 'school-food',
      factId: null,
      text: 'Плохое питание в школе № 1',
    }),
    steps: [
      accept,
      { type: 'coordination.forward', by: users.coordinatorEdu, orgId: 'kam-school-1' },
    ],
  },
  {
    submit: pothole(7, 50),
    steps: [
      ...toCoordination,
      { type: 'coordination.return', by: users.coordinatorRoads, comment: 'Не наша компетенция' },
    ],
  },
  {
    submit: pothole(8, 60, {
      orgId: 'uly-health',
      regionCode: '73',
      categoryId: 'health',
      subcategoryId: 'clinic-queue',
      factId: null,
      text: 'Очередь в поликлинике на три недели',
    }),
    steps: [{ type: 'moderation.reject', by: users.moderatorUly, reason: 'Нет сути обращения' }],
  },
  { submit: operatorSubmit({ messageId: 'm-09', number: '73-000009', at: at(70) }), steps: [] },
  {
    submit: operatorSubmit({ messageId: 'm-10', number: '73-000010', at: at(80) }),
    steps: [
      assign(users.executorUlyRoads.id, users.coordinatorUlyRoads),
      { type: 'work.take', by: users.executorUlyRoads },
      { type: 'answer.submit', by: users.executorUlyRoads, answer },
      { type: 'answer.approve', by: users.headUlyRoads },
    ],
  },
  {
    submit: pothole(11, 90, { isPublic: true, location: { lat: 53.05, lon: 158.65 } }),
    steps: toApproval,
  },
  { submit: pothole(12, 100, { orgId: 'kam-gov', ...byPetrova, text: 'ЯМА у моста' }), steps: [] },
  {
    submit: pothole(13, 110, {
      orgId: 'uly-roads',
      regionCode: '73',
      channel: 'mobile_app',
      location: { lat: 54.3142, lon: 48.4031 },
      ...roadRepair,
    }),
    steps: [
      acceptUly,
      { type: 'registration.update', by: users.coordinatorUlyRoads, registeredAt: at(5) },
    ],
  },
  { submit: pothole(14, 120, { text: 'Готово на 100% _частично_' }), steps: [] },
  {
    // Returned for rework: in work again with the draft answer; a 59-ФЗ appeal.
    submit: pothole(15, 130, { text: 'Сломан светофор', lawType: 'appeal_59fz' }),
    steps: [
      accept,
      assign(users.executorRoads2.id),
      { type: 'work.take', by: users.executorRoads2 },
      { type: 'answer.submit', by: users.executorRoads2, answer },
      { type: 'answer.return', by: users.headRoads, comment: 'Приложите фото' },
    ],
  },
  {
    // A pending extension request, assigned and not yet taken; due soon.
    submit: pothole(16, 140, { text: 'Нет освещения', ...byKuznetsov }),
    steps: [
      accept,
      assign(users.executorRoads2.id),
      {
        type: 'deadline.extension_request',
        by: users.coordinatorRoads,
        until: '2025-02-20',
        reason: 'Нужна экспертиза',
      },
    ],
    deadline: ['deadline.due_soon'],
  },
  {
    submit: pothole(17, 150, { text: 'Упало дерево' }),
    steps: [accept],
    deadline: ['deadline.due_soon', 'deadline.overdue'],
  },
];

/** Writes the fixture and returns each message as its last write left it. */
export async function writeFixture(store: MessageStore): Promise<StoredMessage[]> {
  const out: StoredMessage[] = [];
  for (const spec of fixtureSpecs) {
    const created = written(await store.submit(spec.submit));
    const minute = (Date.parse(created.record.at) - Date.parse(at(0))) / 60_000;
    const last = await sendSteps(store, created.message.id, spec.steps, minute + 1);
    let message = last?.message ?? created.message;
    for (const type of spec.deadline ?? []) {
      const m = message.snapshot.context;
      const dueAt = type === 'deadline.due_soon' ? m.dueSoonAt : m.responseDueAt;
      if (dueAt === null) throw new Error(`${message.id} has no ${type} instant`);
      const event = { type, by: SYSTEM_PRINCIPAL, at: dueAt, dueAt };
      message = written(await store.send(message.id, event)).message;
    }
    out.push(message);
  }
  return out;
}
