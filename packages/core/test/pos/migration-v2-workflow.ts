/*
 * A test-only definition version 2 of the ПОС message workflow, built by wrapping the real
 * version 1 (`posWorkflow`): v2 adds a context field, `priority`, and stamps its snapshots.
 * With `policy: 'migrate'` a v1 snapshot is upgraded on read (priority 'normal') and every
 * event written to it writes v2; with `policy: 'keep'` v1 snapshots stay v1 and take events
 * under v1's rules, while new messages start in v2. Any other version is refused.
 */
import {
  type DefinitionPolicy,
  definitionVersionOf,
  type MessageSnapshot,
  type MessageWorkflow,
  posWorkflow,
  type UpgradeResult,
  unsupportedDefinition,
} from '../../src/index.js';

export type Priority = 'normal' | 'urgent';
/** The v2 context: the v1 message with its new field. */
export type V2Snapshot = MessageSnapshot & {
  context: MessageSnapshot['context'] & { priority: Priority };
};

const V2 = { workflow: 'pos', version: 2 } as const;

/** The new field of a v2 snapshot; `undefined` for a v1 one. */
export const priorityOf = (snapshot: MessageSnapshot): Priority | undefined =>
  (snapshot as Partial<V2Snapshot>).context?.priority;

/** The declared migration v1 → v2: pure, adds the field with its default and stamps. */
export function migrateV1toV2(snapshot: MessageSnapshot): V2Snapshot {
  return {
    value: snapshot.value,
    context: Object.assign({}, snapshot.context, { priority: 'normal' as Priority }),
    definition: V2,
  };
}

/** A v2 snapshot as v1's rules read it: without the field and the stamp. */
function asV1(snapshot: MessageSnapshot): MessageSnapshot {
  const { priority: _, ...context } = snapshot.context as V2Snapshot['context'];
  return { value: snapshot.value, context };
}

function stampV2(snapshot: MessageSnapshot, priority: Priority): V2Snapshot {
  return {
    value: snapshot.value,
    context: Object.assign({}, snapshot.context, { priority }),
    definition: V2,
  };
}

/**
 * Version 2 of the message workflow, saying `policy` about version 1 snapshots.
 *
 * @example
 * const store = await createSqlStore({ directory, workflow: posWorkflowV2('migrate') });
 */
export function posWorkflowV2(
  policy: Extract<DefinitionPolicy, 'keep' | 'migrate'>,
): MessageWorkflow {
  const known = [
    { version: 1, policy },
    { version: 2, policy: 'current' as const },
  ];
  const upgrade = (snapshot: MessageSnapshot): UpgradeResult => {
    const version = definitionVersionOf(snapshot);
    if (version === 2) return { ok: true, snapshot, from: 2, migrated: false };
    if (version === 1 && policy === 'migrate') {
      return { ok: true, snapshot: migrateV1toV2(snapshot), from: 1, migrated: true };
    }
    if (version === 1) return { ok: true, snapshot, from: 1, migrated: false };
    return { ok: false, error: unsupportedDefinition('pos', version, known) };
  };
  /** v1's rules on the snapshot as upgraded; the result in the snapshot's own version. */
  const inOwnVersion = (snapshot: MessageSnapshot) => {
    const upgraded = upgrade(snapshot);
    if (!upgraded.ok) return upgraded;
    const v2 = definitionVersionOf(upgraded.snapshot) === 2;
    return {
      ok: true as const,
      v2,
      snapshot: upgraded.snapshot,
      v1: v2 ? asV1(upgraded.snapshot) : upgraded.snapshot,
    };
  };
  return {
    definition: V2,
    known,
    upgrade,
    startMessage(input, directory) {
      const started = posWorkflow.startMessage(input, directory);
      return started.ok ? { ...started, snapshot: stampV2(started.snapshot, 'normal') } : started;
    },
    applyEvent(snapshot, input, directory) {
      const read = inOwnVersion(snapshot);
      if (!read.ok) return read;
      const applied = posWorkflow.applyEvent(read.v1, input, directory);
      if (!applied.ok || !read.v2) return applied;
      const priority = priorityOf(read.snapshot) ?? 'normal';
      return { ...applied, snapshot: stampV2(applied.snapshot, priority) };
    },
    availableEvents(snapshot, principal, directory) {
      const read = inOwnVersion(snapshot);
      return read.ok ? posWorkflow.availableEvents(read.v1, principal, directory) : [];
    },
    acceptsEvent(snapshot, type) {
      const read = inOwnVersion(snapshot);
      return read.ok && posWorkflow.acceptsEvent(read.v1, type);
    },
    statusOf: (snapshot) => posWorkflow.statusOf(asV1(snapshot)),
  };
}

/** A snapshot stamped with a version no workflow here knows. */
export const stampedUnknown = (snapshot: MessageSnapshot, version = 7): MessageSnapshot => ({
  ...snapshot,
  definition: { workflow: 'pos', version },
});
