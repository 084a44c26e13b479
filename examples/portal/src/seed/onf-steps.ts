import {
  addCalendarDays,
  type CaseCreateEventInput,
  type CloseReason,
  type ContactOutcome,
  localDateIn,
  type Principal,
  SYSTEM_PRINCIPAL,
} from '@reshaem/core';

/** One event of a demo card's life, `hoursAgo` before the seeding clock. */
export type DemoCaseStep = { hoursAgo: number; type: string; by: Principal } & Record<
  string,
  unknown
>;

/** What a demo card's `case.create` says; the seeder adds `type`, `at` and `caseId`. */
export type DemoCaseCreate = Omit<CaseCreateEventInput, 'type' | 'at' | 'caseId'>;

/** A demo card: how it came in and what people did with it. */
export interface DemoCase {
  id: string;
  hoursAgo: number;
  create: DemoCaseCreate;
  steps: DemoCaseStep[];
}

const step = (hoursAgo: number, type: string, by: Principal, payload = {}): DemoCaseStep => ({
  hoursAgo,
  type,
  by,
  ...payload,
});

export const assignCase = (hoursAgo: number, by: Principal, executor: Principal) =>
  step(hoursAgo, 'case.assign', by, { executorId: executor.id });
export const lock = (hoursAgo: number, by: Principal) => step(hoursAgo, 'case.lock', by);
export const release = (hoursAgo: number, by: Principal) => step(hoursAgo, 'case.release', by);
export const comment = (hoursAgo: number, by: Principal, text: string) =>
  step(hoursAgo, 'case.comment', by, { text });
export const call = (hoursAgo: number, by: Principal, outcome: ContactOutcome) =>
  step(hoursAgo, 'case.contact_attempt', by, { outcome });
export const federal = (hoursAgo: number, by: Principal) =>
  step(hoursAgo, 'case.federal_level', by, { comment: 'Вопрос федерального уровня' });
export const resolve = (
  hoursAgo: number,
  by: Principal,
  description: string,
  files: string[] = [],
) => step(hoursAgo, 'case.resolve', by, { description, files: files.map((name) => ({ name })) });
export const closeRequest = (
  hoursAgo: number,
  by: Principal,
  reason: CloseReason,
  extra: { comment?: string; duplicateOf?: string } = {},
) => step(hoursAgo, 'case.close_request', by, { reason, ...extra });
export const acceptCase = (hoursAgo: number, by: Principal) => step(hoursAgo, 'case.accept', by);
export const returnCase = (hoursAgo: number, by: Principal, text: string) =>
  step(hoursAgo, 'case.return', by, { comment: text });

/**
 * «Отложенное решение» until the local date `days` after the day of the step in the card's
 * zone (the date must lie after «today» there).
 */
export const postpone = (
  now: Date,
  hoursAgo: number,
  by: Principal,
  zone: string,
  days: number,
  reason: string,
) => {
  const day = localDateIn(new Date(now.getTime() - hoursAgo * 3_600_000), zone);
  return step(hoursAgo, 'case.postpone', by, { until: addCalendarDays(day, days), reason });
};

/** A card from the call centre of Ростелеком, as the source system sends it. */
export const fromCallCentre = (
  number: string,
  where: Pick<DemoCaseCreate, 'regionCode' | 'categoryType' | 'categoryId'> &
    Partial<DemoCaseCreate>,
  applicant: DemoCaseCreate['applicant'],
  text: string,
): DemoCaseCreate => ({
  by: SYSTEM_PRINCIPAL,
  number,
  applicant,
  text,
  sourceSystem: 'Ростелеком',
  sourceId: `RTK-${number}`,
  channel: 'Колл-центр',
  stream: 'Прямая линия',
  ...where,
});
