import type { RefusalSubject, WorkflowError } from '../kernel/errors.js';
import type { CaseStatus } from './schemas/parts.js';

/**
 * Why the ОНФ workflow refused an event. A refused event changes nothing. The ПОС kinds with
 * the same meaning, plus one:
 *
 * - `invalid_payload`: malformed, or names something that does not fit (field paths);
 * - `not_allowed_in_status`: the card's status (or its lock) does not accept the event;
 * - `forbidden`: the principal may not send this event on this card;
 * - `unsupported_definition`: the card's snapshot is of a definition version this release
 *   does not support;
 * - `lock_conflict`: the executor already holds another card's lock («одновременно можно
 *   работать только с одной карточкой»). HTTP adapters answer 409, like a version conflict.
 */
export type CaseWorkflowError =
  | Extract<WorkflowError, { kind: 'invalid_payload' | 'forbidden' | 'unsupported_definition' }>
  | {
      kind: 'not_allowed_in_status';
      message: string;
      eventType: string;
      status: CaseStatus;
      subject?: RefusalSubject;
    }
  | { kind: 'lock_conflict'; message: string; eventType: 'case.lock'; heldCardIds: string[] };

export type CaseWorkflowErrorKind = CaseWorkflowError['kind'];

/** The thrown form of {@link CaseWorkflowError}, for code that prefers exceptions. */
export class CaseWorkflowRefusal extends Error {
  override readonly name = 'CaseWorkflowRefusal';
  constructor(readonly error: CaseWorkflowError) {
    super(error.message);
  }
  get kind(): CaseWorkflowErrorKind {
    return this.error.kind;
  }
}
