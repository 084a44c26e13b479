import { type MessageStore, type SubmitEventInput, SYSTEM_PRINCIPAL } from '../../src/index.js';
import { operatorSubmit, potholeSubmit, users } from '../helpers.js';
import { type Step, written } from './setup.js';

/** An instant given as Kamchatka's local time (UTC+12), `YYYY-MM-DD hh:mm`. */
export const kam = (local: string) =>
  new Date(Date.parse(`${local.replace(' ', 'T')}:00+12:00`)).toISOString();

export type TimedStep = Step & { at: string };

interface History {
  submit: SubmitEventInput;
  steps: TimedStep[];
}

const answer = { type: 'resolved', text: 'Сделано', files: [] };
export const accept = (at: string): TimedStep => ({
  type: 'moderation.accept',
  by: users.moderator,
  at,
});
export const toWork = (at: string): TimedStep[] => [
  { type: 'executor.assign', by: users.coordinatorRoads, executorId: users.executorRoads.id, at },
  { type: 'work.take', by: users.executorRoads, at },
];
export const answered = (at: string): TimedStep[] => [
  { type: 'answer.submit', by: users.executorRoads, answer, at },
  { type: 'answer.approve', by: users.headRoads, at },
];
const extended = (until: string, at: string): TimedStep[] => [
  {
    type: 'deadline.extension_request',
    by: users.executorRoads,
    until,
    reason: 'Нужен подрядчик',
    at,
  },
  { type: 'deadline.extension_approve', by: users.headRoads, at },
];
const rate = (score: number, at: string): TimedStep => ({
  type: 'rating.submit',
  by: users.applicant,
  score,
  at,
});

const pothole = (id: string, at: string) =>
  potholeSubmit({ messageId: id, number: `41-${id}`, at });

/**
 * Hand-built lives for the indicators, every one a potholes message (fast-track, 10 calendar
 * days) of the Kamchatka roads ministry unless it says otherwise; docs/analytics.md works
 * the expected figures out from them (`now` = 10.02.2025 12:00 in Kamchatka).
 */
export const indicatorHistories: History[] = [
  // A: answered on time (due 26.01), rated 5.
  {
    submit: pothole('ind-a', kam('2025-01-15 23:18')),
    steps: [
      accept(kam('2025-01-16 09:00')),
      ...toWork(kam('2025-01-16 09:10')),
      ...answered(kam('2025-01-17 12:00')),
      rate(5, kam('2025-01-18 10:00')),
    ],
  },
  // B: answered late (due 26.01, answered 28.01), not rated yet.
  {
    submit: pothole('ind-b', kam('2025-01-16 10:00')),
    steps: [
      accept(kam('2025-01-16 11:00')),
      ...toWork(kam('2025-01-16 11:10')),
      ...answered(kam('2025-01-28 10:00')),
    ],
  },
  // C: extended from 27.01 to 05.02, answered 03.02: on time against the extended deadline.
  {
    submit: pothole('ind-c', kam('2025-01-17 10:00')),
    steps: [
      accept(kam('2025-01-17 11:00')),
      ...toWork(kam('2025-01-17 11:10')),
      ...extended('2025-02-05', kam('2025-01-20 10:00')),
      ...answered(kam('2025-02-03 10:00')),
    ],
  },
  // C2: extended from 27.01 to 30.01, answered 02.02: late after the extension.
  {
    submit: pothole('ind-c2', kam('2025-01-17 12:00')),
    steps: [
      accept(kam('2025-01-17 12:30')),
      ...toWork(kam('2025-01-17 12:40')),
      ...extended('2025-01-30', kam('2025-01-20 10:00')),
      ...answered(kam('2025-02-02 10:00')),
    ],
  },
  // D: rejected at moderation.
  {
    submit: pothole('ind-d', kam('2025-01-18 10:00')),
    steps: [
      {
        type: 'moderation.reject',
        by: users.moderator,
        reason: 'Нет сути обращения',
        at: kam('2025-01-18 11:00'),
      },
    ],
  },
  // E: answered on time, rated 2, re-reviewed at the government (the parent), answered again
  // and rated 4: answered once, two rated answers, one re-review.
  {
    submit: pothole('ind-e', kam('2025-01-20 10:00')),
    steps: [
      accept(kam('2025-01-20 11:00')),
      ...toWork(kam('2025-01-20 11:10')),
      ...answered(kam('2025-01-22 10:00')),
      rate(2, kam('2025-01-23 10:00')),
      { type: 'work.take', by: users.coordinatorGov, at: kam('2025-01-24 10:00') },
      { type: 'answer.submit', by: users.coordinatorGov, answer, at: kam('2025-01-24 11:00') },
      { type: 'answer.approve', by: users.headGov, at: kam('2025-01-25 10:00') },
      rate(4, kam('2025-01-26 10:00')),
    ],
  },
  // F: assigned, never answered: overdue since 31.01.
  {
    submit: pothole('ind-f', kam('2025-01-21 10:00')),
    steps: [accept(kam('2025-01-21 11:00')), ...toWork(kam('2025-01-21 11:10')).slice(0, 1)],
  },
  // G: received at 01:30 on 01.02 in Kamchatka (still 31.01 in UTC), due 11.02: due soon now.
  {
    submit: pothole('ind-g', kam('2025-02-01 01:30')),
    steps: [accept(kam('2025-02-01 10:00'))],
  },
  // I: assigned by an autorule, never answered: overdue since 01.02.
  {
    submit: pothole('ind-i', kam('2025-01-22 10:00')),
    steps: [
      accept(kam('2025-01-22 11:00')),
      {
        type: 'executor.assign',
        by: SYSTEM_PRINCIPAL,
        executorId: users.executorRoads.id,
        autoruleId: 'rule-potholes',
        at: kam('2025-01-22 11:05'),
      },
    ],
  },
  // H: entered by a 122 operator in Ulyanovsk (UTC+4), answered on time, delivered 5 hours
  // after the approval.
  {
    submit: operatorSubmit({
      messageId: 'ind-h',
      number: '73-ind-h',
      at: '2025-01-20T06:00:00.000Z',
    }),
    steps: [
      {
        type: 'executor.assign',
        by: users.coordinatorUlyRoads,
        executorId: users.executorUlyRoads.id,
        at: '2025-01-20T07:00:00.000Z',
      },
      { type: 'work.take', by: users.executorUlyRoads, at: '2025-01-20T07:10:00.000Z' },
      {
        type: 'answer.submit',
        by: users.executorUlyRoads,
        answer,
        at: '2025-01-21T05:00:00.000Z',
      },
      { type: 'answer.approve', by: users.headUlyRoads, at: '2025-01-21T06:00:00.000Z' },
      {
        type: 'delivery.confirm',
        by: users.operator,
        channel: 'phone',
        note: 'Дозвонились',
        at: '2025-01-21T11:00:00.000Z',
      },
    ],
  },
];

/** Writes every hand-built life into the store, failing on any refusal. */
export async function writeIndicatorHistories(store: MessageStore): Promise<void> {
  for (const { submit, steps } of indicatorHistories) {
    const id = written(await store.submit(submit)).message.id;
    for (const step of steps) {
      const result = await store.send(id, step);
      if (!result.ok) {
        throw new Error(`${step.type} on ${id}: ${result.error.message}`);
      }
    }
  }
}

/** The instant the figures are counted at: 10.02.2025 12:00 in Kamchatka. */
export const NOW = kam('2025-02-10 12:00');
