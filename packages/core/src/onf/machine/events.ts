import type { Principal } from '../../kernel/schemas/principal.js';
import type { CaseRecord } from '../schemas/case.js';
import type {
  CaseFieldChanges,
  CaseFile,
  CategoryType,
  CloseReason,
  ContactOutcome,
  CorrectableField,
  RereviewReason,
} from '../schemas/parts.js';

/** What every machine event carries once the workflow has validated and authorised it. */
export interface CaseResolved {
  at: string;
  by: Principal;
}

/**
 * The events the case machine receives: the public events after validation, permission
 * checks and look-ups. Each is a self-contained fact, which is also what the history records.
 */
export type CaseMachineEvent =
  | ({
      type: 'case.assign';
      executorId: string;
      orgId: string;
      executionDueDate: string | null;
    } & CaseResolved)
  /** `heldCardIds`: the other cards the sender holds, supplied by the store; empty here. */
  | ({ type: 'case.lock'; heldCardIds: readonly string[] } & CaseResolved)
  | ({ type: 'case.release' } & CaseResolved)
  | ({ type: 'case.comment'; text: string } & CaseResolved)
  | ({
      type: 'case.contact_attempt';
      outcome: ContactOutcome;
      /** The local date of the call in the card's region. */
      day: string;
      comment: string | null;
    } & CaseResolved)
  | ({ type: 'case.federal_level'; comment: string | null } & CaseResolved)
  | ({ type: 'case.resolve'; description: string; files: CaseFile[] } & CaseResolved)
  | ({
      type: 'case.postpone';
      until: string;
      reason: string;
      comment: string | null;
    } & CaseResolved)
  | ({
      type: 'case.close_request';
      reason: CloseReason;
      comment: string | null;
      duplicateOf: string | null;
    } & CaseResolved)
  | ({
      type: 'case.rereview_request';
      reason: RereviewReason;
      comment: string | null;
    } & CaseResolved)
  | ({
      type: 'case.rereview_fix';
      /** The card's values after the fix (unchanged ones repeated). */
      regionCode: string;
      municipality: string | null;
      categoryType: CategoryType;
      categoryId: string;
      subcategoryId: string | null;
      comment: string | null;
    } & CaseResolved)
  | ({
      type: 'case.support_request';
      corrections: { field: CorrectableField; value: string | null }[];
      comment: string | null;
    } & CaseResolved)
  | ({ type: 'case.support_fix'; changes: CaseFieldChanges; comment: string | null } & CaseResolved)
  | ({ type: 'case.accept'; comment: string | null } & CaseResolved)
  | ({ type: 'case.return'; comment: string } & CaseResolved)
  | ({ type: 'case.postponement_due'; until: string } & CaseResolved);

export interface CaseMachineInput {
  card: CaseRecord;
}

/**
 * The machine's context: the card, one level down. Actions replace `card` with an updated
 * copy (see `update`), so a persisted snapshot's `context` is `context.card`.
 */
export interface CaseMachineContext {
  card: CaseRecord;
}
