import { type CaseStoreError, refusalText } from '@reshaem/core';
import { HttpProblem, problem } from './problems.js';
import { noNames, storeErrorProblem } from './store-errors.js';

/**
 * Maps a case store's refusal to a problem: the ПОС mapping, plus `lock_conflict` → 409
 * `lock-conflict` (with the cards the caller holds) and the card's status for
 * `not_allowed_in_status`.
 */
export function caseErrorProblem(
  error: CaseStoreError,
  context: { ifMatch: boolean },
): HttpProblem {
  switch (error.kind) {
    case 'lock_conflict':
      return new HttpProblem(
        problem('lock-conflict', error.message, { heldCardIds: error.heldCardIds }),
      );
    case 'not_allowed_in_status':
      return new HttpProblem(
        problem('not-allowed-in-status', error.message, {
          eventType: error.eventType,
          caseStatus: error.status,
        }),
      );
    case 'not_found':
      return new HttpProblem(problem('not-found', refusalText(error, noNames)));
    case 'already_exists':
      return new HttpProblem(problem('already-exists', refusalText(error, noNames)));
    default:
      return storeErrorProblem(error, context);
  }
}
