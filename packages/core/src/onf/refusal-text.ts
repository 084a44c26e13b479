import type { ForbiddenError } from '../kernel/errors.js';
import {
  type DistributiveOmit,
  type NameLookup,
  type RefusalWords,
  type StatusRefusal,
  withRefusalText,
} from '../kernel/refusal-text.js';
import type { CaseWorkflowError } from './errors.js';
import { caseEventActions } from './event-names.js';
import { caseStatuses } from './status.js';

const actions: Readonly<Record<string, string>> = caseEventActions;

/** The ОНФ workflow's words for refusal texts. */
export const caseRefusalWords: RefusalWords = {
  action: (type) => actions[type] ?? `выполнить действие «${type}»`,
  status: (status) => caseStatuses[status as keyof typeof caseStatuses]?.label ?? status,
};

/**
 * An ОНФ refusal (forbidden or not in this status) completed with its Russian `message`,
 * naming people and organisations from `lookup` (the directory).
 *
 * @example
 * refuse(namedCaseRefusal({ kind: 'forbidden', eventType, principalId: by.id, subject }, directory));
 */
export function namedCaseRefusal(
  error:
    | DistributiveOmit<ForbiddenError, 'message'>
    | (StatusRefusal &
        Pick<Extract<CaseWorkflowError, { kind: 'not_allowed_in_status' }>, 'status'>),
  lookup: NameLookup,
): CaseWorkflowError {
  return withRefusalText(error, lookup, caseRefusalWords);
}
