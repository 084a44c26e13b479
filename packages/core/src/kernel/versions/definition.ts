/** The workflows whose definitions reshaem versions: the ПОС message and the ОНФ card. */
export type WorkflowName = 'pos' | 'onf';

/**
 * Which definition of which workflow made a persisted snapshot. The first definition of each
 * workflow — everything stored before definitions had versions — leaves its snapshots
 * unstamped, so a snapshot without a stamp is version 1 and the data of earlier releases
 * reads as it is.
 */
export interface DefinitionStamp {
  workflow: WorkflowName;
  version: number;
}

/**
 * The definition version a persisted snapshot was made with: its stamp, or 1 without one.
 *
 * @example
 * definitionVersionOf(stored.snapshot); // 1 for a snapshot of the first release
 */
export function definitionVersionOf(snapshot: {
  definition?: DefinitionStamp | undefined;
}): number {
  return snapshot.definition?.version ?? 1;
}

/**
 * What a release says about the snapshots of one definition version:
 * - `current`: the definition this release writes;
 * - `keep`: messages in flight finish on the definition they started with, which the
 *   package still ships;
 * - `migrate`: a declared pure function turns them into the next version, on read and in
 *   batch (`migrateSnapshots`);
 * - `retired`: no longer supported; such a snapshot is refused with `unsupported_definition`.
 */
export type DefinitionPolicy = 'current' | 'keep' | 'migrate' | 'retired';

/** One version a workflow knows, and what the release does with its snapshots. */
export interface KnownDefinition {
  version: number;
  policy: DefinitionPolicy;
}

/**
 * The refusal for a snapshot of a version the workflow does not know, or has retired: never
 * a silent misreading of old data.
 */
export type UnsupportedDefinitionError = {
  kind: 'unsupported_definition';
  message: string;
  workflow: WorkflowName;
  /** The snapshot's version. */
  version: number;
  /** The versions this release applies events to (current, kept and migrated ones). */
  supported: number[];
};

/**
 * The typed refusal for a snapshot of `version`, which `known` does not support.
 *
 * @example
 * unsupportedDefinition('pos', 7, [{ version: 1, policy: 'current' }]).supported; // [1]
 */
export function unsupportedDefinition(
  workflow: WorkflowName,
  version: number,
  known: readonly KnownDefinition[],
): UnsupportedDefinitionError {
  const supported = known.filter((d) => d.policy !== 'retired').map((d) => d.version);
  const retired = known.some((d) => d.version === version && d.policy === 'retired');
  return {
    kind: 'unsupported_definition',
    message: `версия ${version} описания процесса ${workflow === 'pos' ? 'ПОС' : 'ОНФ'} ${retired ? 'выведена из употребления' : 'неизвестна'} в этой версии системы; поддерживаются: ${supported.join(', ')}`,
    workflow,
    version,
    supported,
  };
}
