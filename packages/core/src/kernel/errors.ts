import type { MessageStatus } from '../pos/schemas/message.js';
import type { UnsupportedDefinitionError } from './versions/definition.js';

/** One problem with an event's payload, located by its path in the event. */
export interface PayloadIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Why the workflow refused an event. A refused event changes nothing.
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
    }
  | { kind: 'forbidden'; message: string; eventType: string; principalId: string }
  | UnsupportedDefinitionError;

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
