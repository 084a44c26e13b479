import type { MessageStatus } from '../pos/schemas/message.js';
import type { UnsupportedDefinitionError } from './versions/definition.js';

/**
 * What a refusal is about: a ПОС message or an ОНФ card, by id and by the number people
 * know it by. Carried so that a refusal's text can name it (see `refusalText`).
 */
export interface RefusalSubject {
  kind: 'message' | 'card';
  id: string;
  number: string;
}

/** One problem with an event's payload, located by its path in the event. */
export interface PayloadIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Why the workflow refused an event. A refused event changes nothing.
 *
 * Every `message` is Russian, for people; `refusalText` renders the same refusal naming
 * people and organisations by name from the directory.
 *
 * - `invalid_payload`: the event is malformed or names something that does not fit
 *   (an unknown organisation, a user who is not an executor there), with field paths;
 * - `not_allowed_in_status`: the message's status does not accept this event;
 * - `forbidden`: the principal may not send this event on this message;
 * - `unsupported_definition`: the snapshot was made by a workflow definition this release
 *   does not support (unknown or retired), see `docs/versioning.md`.
 */
export type WorkflowError =
  | { kind: 'invalid_payload'; message: string; issues: PayloadIssue[] }
  | {
      kind: 'not_allowed_in_status';
      message: string;
      eventType: string;
      status: MessageStatus;
      subject?: RefusalSubject;
    }
  | ForbiddenError
  | UnsupportedDefinitionError;

/**
 * The principal may not send this event. `subject` names the message or card when there is
 * one; `orgId` the organisation the refusal concerns when that is the reason (an operator
 * routing outside their region: `rule: 'operator_region'`).
 */
export type ForbiddenError = {
  kind: 'forbidden';
  message: string;
  eventType: string;
  principalId: string;
  subject?: RefusalSubject;
  rule?: 'operator_region';
  orgId?: string;
};

export type WorkflowErrorKind = WorkflowError['kind'];

export const invalidPayload = (issues: PayloadIssue[]): WorkflowError => ({
  kind: 'invalid_payload',
  message: issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message).join('; '),
  issues,
});

/** Turns a zod error's issues into payload issues. */
export const issuesFromZod = (error: {
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>;
}): PayloadIssue[] =>
  error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: i.message,
  }));

export const invalidField = (path: (string | number)[], message: string): WorkflowError =>
  invalidPayload([{ path, message }]);

/**
 * The thrown form of {@link WorkflowError}, for code that prefers exceptions
 * (`applyEventOrThrow`, stores).
 */
export class WorkflowRefusal extends Error {
  override readonly name = 'WorkflowRefusal';
  constructor(readonly error: WorkflowError) {
    super(error.message);
  }
  get kind(): WorkflowErrorKind {
    return this.error.kind;
  }
}
