import { expect } from 'vitest';
import {
  type ApplyResult,
  applyEvent,
  type MessageSnapshot,
  type Principal,
  type SubmitEventInput,
  startMessage,
} from '../src/index.js';
import { createDemoDirectory, demoUsers } from '../src/testing/index.js';

export const directory = createDemoDirectory();
export const users = demoUsers;

/** 23:18 on 15.01.2025 in Kamchatka (UTC+12). */
export const T0 = '2025-01-15T11:18:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export const potholeSubmit = (overrides: Partial<SubmitEventInput> = {}): SubmitEventInput => ({
  type: 'submit',
  at: T0,
  by: users.applicant,
  messageId: 'm-1',
  number: '41-000001',
  channel: 'epgu_form',
  orgId: 'kam-roads',
  regionCode: '41',
  applicant: { name: 'Иванов Иван Иванович', email: 'ivanov@example.ru' },
  problemAddress: 'г. Петропавловск-Камчатский, ул. Ленинская, 5',
  text: 'Глубокая яма на проезжей части у дома 5',
  categoryId: 'roads',
  subcategoryId: 'potholes',
  factId: 'pothole-street',
  ...overrides,
});

export const operatorSubmit = (overrides: Partial<SubmitEventInput> = {}): SubmitEventInput =>
  potholeSubmit({
    by: users.operator,
    messageId: 'm-op',
    channel: 'operator',
    orgId: 'uly-roads',
    regionCode: '73',
    applicant: { name: 'Сидоров Пётр', phone: '+7 902 000-00-00', email: null },
    text: 'Центр мониторинга 112: яма на дороге у остановки',
    ...overrides,
  });

export function start(input: SubmitEventInput = potholeSubmit()): MessageSnapshot {
  const result = startMessage(input, directory);
  if (!result.ok) throw new Error(result.error.message);
  return result.snapshot;
}

type Step = Record<string, unknown> & { type: string; by: Principal };

/** Applies events in order, one minute apart, failing the test on the first refusal. */
export function drive(snapshot: MessageSnapshot, steps: Step[], from = 1): MessageSnapshot {
  let current = snapshot;
  steps.forEach((step, i) => {
    const result = applyEvent(current, { at: at(from + i), ...step }, directory);
    if (!result.ok) throw new Error(`${step.type} by ${step.by.id}: ${result.error.message}`);
    current = result.snapshot;
  });
  return current;
}

export function expectRefused(result: ApplyResult, kind: string) {
  expect(result.ok, result.ok ? `expected ${kind}, got ${result.status}` : '').toBe(false);
  if (!result.ok) expect(result.error.kind).toBe(kind);
}

/** Paths to every status of the ПОС machine, through the real workflow. */
export const toCoordination: Step[] = [{ type: 'moderation.accept', by: users.moderator }];
export const toAssigned: Step[] = [
  ...toCoordination,
  { type: 'executor.assign', by: users.coordinatorRoads, executorId: users.executorRoads.id },
];
export const toInWork: Step[] = [...toAssigned, { type: 'work.take', by: users.executorRoads }];
export const toApproval: Step[] = [
  ...toInWork,
  {
    type: 'answer.submit',
    by: users.executorRoads,
    answer: { type: 'resolved', text: 'Яма заделана 20.01.2025', files: [{ name: 'акт.pdf' }] },
  },
];
export const toAnswerSent: Step[] = [
  ...toApproval,
  { type: 'answer.approve', by: users.headRoads },
];

/** An operator-entered message (Ulyanovsk roads agency) from coordination to approval. */
export const operatorToApproval: Step[] = [
  { type: 'executor.assign', by: users.coordinatorUlyRoads, executorId: users.executorUlyRoads.id },
  { type: 'work.take', by: users.executorUlyRoads },
  {
    type: 'answer.submit',
    by: users.executorUlyRoads,
    answer: { type: 'resolved', text: 'Яма заделана', files: [] },
  },
];
/** …and approved: `answer_ready`, waiting for an operator to deliver it. */
export const operatorToAnswerReady: Step[] = [
  ...operatorToApproval,
  { type: 'answer.approve', by: users.headUlyRoads },
];
