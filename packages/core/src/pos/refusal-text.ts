import type { ForbiddenError, WorkflowError } from '../kernel/errors.js';
import {
  type DistributiveOmit,
  type NameLookup,
  type RefusalWords,
  type StatusRefusal,
  withRefusalText,
} from '../kernel/refusal-text.js';
import { posEventActions } from './event-names.js';
import { messageStatuses } from './status.js';

const actions: Readonly<Record<string, string>> = posEventActions;

/** The ПОС workflow's words for refusal texts. */
export const posRefusalWords: RefusalWords = {
  action: (type) => actions[type] ?? `выполнить действие «${type}»`,
  status: (status) => messageStatuses[status as keyof typeof messageStatuses]?.label ?? status,
};

/**
 * A ПОС refusal (forbidden or not in this status) completed with its Russian `message`,
 * naming people and organisations from `lookup` (the directory).
 *
 * @example
 * refuse(namedRefusal({ kind: 'forbidden', eventType, principalId: by.id, subject }, directory));
 */
export function namedRefusal(
  error:
    | DistributiveOmit<ForbiddenError, 'message'>
    | (StatusRefusal & Pick<Extract<WorkflowError, { kind: 'not_allowed_in_status' }>, 'status'>),
  lookup: NameLookup,
): WorkflowError {
  return withRefusalText(error, lookup, posRefusalWords);
}
