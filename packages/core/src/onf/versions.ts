import type { Directory } from '../kernel/notifications/directory.js';
import type { Principal } from '../kernel/schemas/principal.js';
import {
  type DefinitionStamp,
  definitionVersionOf,
  type KnownDefinition,
  unsupportedDefinition,
} from '../kernel/versions/definition.js';
import type { CaseFacts } from './resolve.js';
import type { CaseEventType } from './schemas/events.js';
import type { CaseStatus } from './schemas/parts.js';
import {
  applyCaseEvent,
  availableCaseEvents,
  type CaseApplyResult,
  type CaseRefused,
  type CaseSnapshot,
  caseAcceptsEvent,
  caseStatusOf,
  startCase,
} from './workflow.js';

/** A card snapshot as the workflow applies events to it: migrated where declared. */
export type CaseUpgradeResult =
  | { ok: true; snapshot: CaseSnapshot; from: number; migrated: boolean }
  | CaseRefused;

/**
 * The ОНФ card workflow of one release, with every definition version it knows; the ОНФ
 * counterpart of `MessageWorkflow`.
 */
export interface CaseWorkflow {
  readonly definition: DefinitionStamp;
  readonly known: readonly KnownDefinition[];
  startCase(input: unknown, directory: Directory): CaseApplyResult;
  applyCaseEvent(
    snapshot: CaseSnapshot,
    input: unknown,
    directory: Directory,
    facts?: CaseFacts,
  ): CaseApplyResult;
  availableCaseEvents(
    snapshot: CaseSnapshot,
    principal: Principal,
    directory: Directory,
    facts?: CaseFacts,
  ): CaseEventType[];
  caseAcceptsEvent(snapshot: CaseSnapshot, type: string): boolean;
  caseStatusOf(snapshot: CaseSnapshot): CaseStatus;
  upgrade(snapshot: CaseSnapshot): CaseUpgradeResult;
}

const known: readonly KnownDefinition[] = [{ version: 1, policy: 'current' }];

function upgrade(snapshot: CaseSnapshot): CaseUpgradeResult {
  const version = definitionVersionOf(snapshot);
  if (version === 1) return { ok: true, snapshot, from: 1, migrated: false };
  return { ok: false, error: unsupportedDefinition('onf', version, known) };
}

/**
 * The ОНФ card workflow as this release defines it: definition version 1.
 *
 * @example
 * const result = onfWorkflow.applyCaseEvent(stored.snapshot, event, directory, facts);
 */
export const onfWorkflow: CaseWorkflow = {
  definition: { workflow: 'onf', version: 1 },
  known,
  startCase,
  applyCaseEvent(snapshot, input, directory, facts) {
    const upgraded = upgrade(snapshot);
    return upgraded.ok ? applyCaseEvent(upgraded.snapshot, input, directory, facts) : upgraded;
  },
  availableCaseEvents(snapshot, principal, directory, facts) {
    const upgraded = upgrade(snapshot);
    return upgraded.ok ? availableCaseEvents(upgraded.snapshot, principal, directory, facts) : [];
  },
  caseAcceptsEvent(snapshot, type) {
    const upgraded = upgrade(snapshot);
    return upgraded.ok && caseAcceptsEvent(upgraded.snapshot, type);
  },
  caseStatusOf,
  upgrade,
};
