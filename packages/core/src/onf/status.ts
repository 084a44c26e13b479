import type { CaseStatus } from './schemas/parts.js';

export interface CaseStatusInfo {
  /** What people see, as the ОНФ interface writes it. */
  label: string;
  /** Final statuses are never left. */
  final: boolean;
}

/** Label and finality of every ОНФ status code. */
export const caseStatuses: Readonly<Record<CaseStatus, CaseStatusInfo>> = Object.freeze({
  new: { label: 'Новое', final: false },
  moderation: { label: 'На модерации', final: false },
  in_work: { label: 'В работе', final: false },
  curator_check: { label: 'На проверке', final: false },
  support: { label: 'В техподдержке', final: false },
  postponed: { label: 'Отложенное решение', final: false },
  done: { label: 'Выполнено', final: true },
  closed: { label: 'Закрыто', final: true },
});

/** Is this status final (never left)? */
export const isFinalCaseStatus = (status: CaseStatus): boolean => caseStatuses[status].final;

/** The statuses in which an executor can hold the card's lock and work on it. */
export const lockableCaseStatuses: readonly CaseStatus[] = ['in_work', 'postponed'];

/**
 * The status code of a case machine state value: `'new'`, or `{ in_work: 'held' }` for the
 * statuses that nest the lock.
 *
 * @example
 * caseStatusOfValue({ in_work: 'free' }); // 'in_work'
 */
export function caseStatusOfValue(value: unknown): CaseStatus {
  const status =
    typeof value === 'string'
      ? value
      : value !== null && typeof value === 'object'
        ? Object.keys(value)[0]
        : undefined;
  if (status === undefined || !Object.hasOwn(caseStatuses, status)) {
    throw new Error(`not a case state: ${JSON.stringify(value)}`);
  }
  return status as CaseStatus;
}

/** Whether the state value has the lock held (the nested `held` state). */
export function isLockedValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).includes('held');
}
