import type { AnswerDraftInput, Principal, SubmitEventInput } from '@reshaem/core';
import { demoUsers } from '@reshaem/core/testing';

/** One event of a demo message's life, `hoursAgo` before the seeding clock. */
export type DemoStep = { hoursAgo: number; type: string; by: Principal } & Record<string, unknown>;

/** What a demo submission says; the seeder adds `type`, `at` and `messageId`. */
/** A demo submit: the store numbers it like every new message (`<region>-<YYMMDD>-<seq>`). */
export type DemoSubmit = Omit<SubmitEventInput, 'type' | 'at' | 'messageId' | 'number'>;

const u = demoUsers;

export const accept = (hoursAgo: number, by: Principal = u.moderator): DemoStep => ({
  hoursAgo,
  type: 'moderation.accept',
  by,
});

export const reject = (hoursAgo: number, reason: string): DemoStep => ({
  hoursAgo,
  type: 'moderation.reject',
  by: u.moderator,
  reason,
});

export const assign = (
  hoursAgo: number,
  by: Principal,
  executor: Principal,
  executionDueAt?: string,
): DemoStep => ({
  hoursAgo,
  type: 'executor.assign',
  by,
  executorId: executor.id,
  ...(executionDueAt === undefined ? {} : { executionDueAt }),
});

export const take = (hoursAgo: number, by: Principal): DemoStep => ({
  hoursAgo,
  type: 'work.take',
  by,
});

export const answer = (hoursAgo: number, by: Principal, draft: AnswerDraftInput): DemoStep => ({
  hoursAgo,
  type: 'answer.submit',
  by,
  answer: draft,
});

export const approve = (hoursAgo: number, by: Principal): DemoStep => ({
  hoursAgo,
  type: 'answer.approve',
  by,
});

export const rate = (
  hoursAgo: number,
  score: number,
  comment: string,
  by: Principal = u.applicant,
): DemoStep => ({ hoursAgo, type: 'rating.submit', by, score, comment });

/** Kamchatka's road ministry takes a message up: its coordinator assigns, the executor takes. */
export const roadsAtWork = (
  assignedHoursAgo: number,
  executor: Principal = u.executorRoads,
): DemoStep[] => [
  assign(assignedHoursAgo, u.coordinatorRoads, executor),
  take(assignedHoursAgo - 1, executor),
];

/** An applicant's own submission on the portal (Госуслуги form). */
export const online = (
  by: Principal,
  text: string,
  where: Pick<DemoSubmit, 'orgId' | 'regionCode' | 'categoryId' | 'subcategoryId'> &
    Partial<DemoSubmit>,
): DemoSubmit => ({
  by,
  channel: 'epgu_form',
  applicant: { name: by.name ?? by.id, email: `${by.id}@example.ru` },
  text,
  ...where,
});

/** A Kamchatka applicant's submission to the road ministry: a pothole unless `extra` says. */
export const kamchatkaRoads = (
  by: Principal,
  text: string,
  extra: Partial<DemoSubmit> = {},
): DemoSubmit =>
  online(by, text, {
    orgId: 'kam-roads',
    regionCode: '41',
    municipality: 'Петропавловск-Камчатский городской округ',
    categoryId: 'roads',
    subcategoryId: 'potholes',
    factId: 'pothole-street',
    ...extra,
  });

/** A phoned-in message the Ulyanovsk 112 operator enters. */
export const phonedIn = (
  text: string,
  applicant: DemoSubmit['applicant'],
  extra: Partial<DemoSubmit> = {},
): DemoSubmit => ({
  by: u.operator,
  channel: 'operator',
  orgId: 'uly-roads',
  regionCode: '73',
  municipality: 'город Ульяновск',
  applicant,
  text: `Центр мониторинга 112: ${text}`,
  categoryId: 'roads',
  subcategoryId: 'road-repair',
  ...extra,
});
