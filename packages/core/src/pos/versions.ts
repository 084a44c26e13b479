import type { FileContext } from '../kernel/files/check-file-references.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import type { DefinitionStamp, KnownDefinition } from '../kernel/versions/definition.js';
import { type DefinedMessageWorkflow, defineMessageWorkflow } from './define-workflow.js';
import { messageMachine } from './machine/machine.js';
import type { MessageEventType } from './schemas/events.js';
import type { MessageStatus } from './schemas/message.js';
import type { ApplyResult, MessageSnapshot, Refused } from './workflow.js';

/** A snapshot as the workflow applies events to it: migrated where a migration is declared. */
export type UpgradeResult =
  | { ok: true; snapshot: MessageSnapshot; from: number; migrated: boolean }
  | Refused;

/**
 * The ПОС message workflow of one release, with every definition version it knows. Stores
 * and the HTTP adapter apply events through one of these (by default {@link posWorkflow}),
 * so a portal can upgrade reshaem while messages made by older definitions are in flight.
 */
export interface MessageWorkflow {
  /** The definition this release writes. */
  readonly definition: DefinitionStamp;
  /** Every version it knows, and what it does with their snapshots. */
  readonly known: readonly KnownDefinition[];
  startMessage(input: unknown, directory: Directory, files?: FileContext): ApplyResult;
  /** Applies an event to a snapshot of any supported version; unknown or retired ones are refused. */
  applyEvent(
    snapshot: MessageSnapshot,
    input: unknown,
    directory: Directory,
    files?: FileContext,
  ): ApplyResult;
  availableEvents(
    snapshot: MessageSnapshot,
    principal: Principal,
    directory: Directory,
  ): MessageEventType[];
  acceptsEvent(snapshot: MessageSnapshot, type: string): boolean;
  /** The status code of a snapshot of any supported version; throws `WorkflowRefusal` otherwise. */
  statusOf(snapshot: MessageSnapshot): MessageStatus;
  /** The snapshot in the version events are applied to it with (migrated where declared). */
  upgrade(snapshot: MessageSnapshot): UpgradeResult;
}

/**
 * The ПОС message workflow as this release defines it: definition version 1, nothing older.
 *
 * @example
 * const result = posWorkflow.applyEvent(stored.snapshot, event, directory);
 */
export const posWorkflow: DefinedMessageWorkflow = defineMessageWorkflow({
  current: { version: 1, machine: messageMachine },
});
