import {
  applyEvent,
  type Directory,
  type MessageEventType,
  type Principal,
  type StoredMessage,
} from '@reshaem/core';

export interface Choice {
  id: string;
  name: string;
}

/** The choices the select boxes of a card's forms offer. */
export interface FormOptions {
  /** Executors the user may assign or hand the message to now. */
  executors: Choice[];
  /** Organisations the user may forward the message to now. */
  organisations: Choice[];
}

/**
 * Offers exactly what the core would accept: each candidate is tried with `applyEvent` on
 * the current snapshot (a dry run, nothing is stored). The portal never re-states a rule
 * such as «an executor of the holding organisation» or «a subordinate or competent
 * organisation».
 */
export function formOptions(
  stored: StoredMessage,
  user: Principal,
  available: readonly MessageEventType[],
  directory: Directory,
  at: string,
): FormOptions {
  const accepts = (event: Record<string, unknown>) =>
    applyEvent(stored.snapshot, { ...event, at, by: user }, directory).ok;
  const assignType = available.includes('executor.assign')
    ? 'executor.assign'
    : available.includes('executor.reassign')
      ? 'executor.reassign'
      : null;
  const executors =
    assignType === null
      ? []
      : directory.users
          .filter((u) => u.roles.some((r) => r.role === 'executor'))
          .filter((u) => accepts({ type: assignType, executorId: u.id }))
          .map((u) => ({ id: u.id, name: u.name ?? u.id }));
  const organisations = available.includes('coordination.forward')
    ? directory.organisations
        .filter((o) => accepts({ type: 'coordination.forward', orgId: o.id }))
        .map((o) => ({ id: o.id, name: o.name }))
    : [];
  return { executors, organisations };
}
