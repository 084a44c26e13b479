import { WorkflowRefusal } from '../kernel/errors.js';
import {
  definitionVersionOf,
  type KnownDefinition,
  unsupportedDefinition,
} from '../kernel/versions/definition.js';
import type { MessageMachine } from './machine/machine.js';
import { createMessageRules, type MessageDefinition, type MessageRules } from './message-rules.js';
import type { MessageEventType } from './schemas/events.js';
import type { MessageWorkflow, UpgradeResult } from './versions.js';
import type { MessageSnapshot } from './workflow.js';

/**
 * What a release does with the snapshots of one older definition version:
 * - `keep`: messages in flight finish on `definition`, which the release still ships;
 * - `migrate`: `migrate` turns a snapshot of `version` into one of `version + 1` (pure, no
 *   clock: the snapshot is all it sees). Migrations compose: a v1 snapshot goes through
 *   v1 → v2 → v3 until it reaches a version that is kept or current. `unchanged` lists the
 *   event types the migration declares unaffected: for these, migrating then applying gives
 *   what applying on the old definition then migrating gives (the property tests prove it);
 * - `retired`: refused with `unsupported_definition`.
 */
export type OlderDefinition =
  | { policy: 'keep'; definition: MessageDefinition }
  | {
      policy: 'migrate';
      version: number;
      migrate: (snapshot: MessageSnapshot) => MessageSnapshot;
      unchanged?: readonly MessageEventType[];
    }
  | { policy: 'retired'; version: number };

/** A workflow definition of one release: the one it writes, and its older ones. */
export interface MessageWorkflowSpec {
  /** The definition this release writes: new messages start on it. */
  current: MessageDefinition;
  /** Every older version the release knows, with what it does with their snapshots. */
  older?: readonly OlderDefinition[];
}

/** A workflow that also says which migration declared which events unchanged. */
export interface DefinedMessageWorkflow extends MessageWorkflow {
  /** The event types the migration from `version` to `version + 1` declares unchanged. */
  unchangedBy(version: number): readonly MessageEventType[];
  /**
   * The machine of a version the release applies events with (current or kept), for
   * diagrams and the inspector; `undefined` for migrated, retired and unknown versions.
   */
  machineOf(version: number): MessageMachine | undefined;
}

const versionOf = (older: OlderDefinition): number =>
  older.policy === 'keep' ? older.definition.version : older.version;

/**
 * Makes a {@link MessageWorkflow} from the definition a release writes and, for each older
 * version, `keep`, `migrate` or `retired`. Its `applyEvent`, `availableEvents`,
 * `acceptsEvent`, `statusOf` and `upgrade` take a snapshot of any supported version: a kept
 * one is applied on its own definition (and stays on it), a migrated one is migrated first
 * (the result is stamped with the version it reached); an unknown or retired one is
 * refused with `unsupported_definition` (`statusOf` throws it as a `WorkflowRefusal`,
 * `availableEvents` gives none). Inconsistent declarations (a version twice, a migration
 * to a version nobody defines) throw at once.
 *
 * @example
 * const workflow = defineMessageWorkflow({
 *   current: { version: 2, machine: machineV2, statusOf: statusOfV2 },
 *   older: [{ policy: 'migrate', version: 1, migrate: v1ToV2, unchanged: ['work.take'] }],
 * });
 * const store = createMemoryStore({ directory, workflow });
 */
export function defineMessageWorkflow(spec: MessageWorkflowSpec): DefinedMessageWorkflow {
  const current = createMessageRules(spec.current);
  const older = [...(spec.older ?? [])].sort((a, b) => versionOf(a) - versionOf(b));
  const rules = new Map<number, MessageRules>([[current.version, current]]);
  const migrations = new Map<number, Extract<OlderDefinition, { policy: 'migrate' }>>();
  const known: KnownDefinition[] = [];
  for (const entry of older) {
    const version = versionOf(entry);
    if (version >= current.version || known.some((k) => k.version === version)) {
      throw new Error(`pos definition ${version}: declared twice or not older than the current`);
    }
    known.push({ version, policy: entry.policy });
    if (entry.policy === 'keep') rules.set(version, createMessageRules(entry.definition));
    if (entry.policy === 'migrate') migrations.set(version, entry);
  }
  known.push({ version: current.version, policy: 'current' });
  for (const version of migrations.keys()) {
    const to = known.find((k) => k.version === version + 1);
    if (!to || to.policy === 'retired') {
      throw new Error(`pos definition ${version} migrates to ${version + 1}, which is not defined`);
    }
  }

  const upgrade = (snapshot: MessageSnapshot): UpgradeResult => {
    const from = definitionVersionOf(snapshot);
    let version = from;
    let here = snapshot;
    for (;;) {
      if (rules.has(version)) return { ok: true, snapshot: here, from, migrated: version !== from };
      const migration = migrations.get(version);
      if (!migration) return { ok: false, error: unsupportedDefinition('pos', from, known) };
      version += 1;
      here = { ...migration.migrate(here), definition: { workflow: 'pos', version } };
    }
  };

  /** The upgraded snapshot and the rules that apply to it, or the refusal. */
  const resolve = (snapshot: MessageSnapshot) => {
    const upgraded = upgrade(snapshot);
    if (!upgraded.ok) return upgraded;
    const at = rules.get(definitionVersionOf(upgraded.snapshot)) ?? current;
    return { ok: true as const, snapshot: upgraded.snapshot, rules: at };
  };

  return {
    definition: { workflow: 'pos', version: current.version },
    known,
    startMessage: current.startMessage,
    applyEvent(snapshot, input, directory, files) {
      const r = resolve(snapshot);
      return r.ok ? r.rules.applyEvent(r.snapshot, input, directory, files) : r;
    },
    availableEvents(snapshot, principal, directory) {
      const r = resolve(snapshot);
      return r.ok ? r.rules.availableEvents(r.snapshot, principal, directory) : [];
    },
    acceptsEvent(snapshot, type) {
      const r = resolve(snapshot);
      return r.ok && r.rules.acceptsEvent(r.snapshot, type);
    },
    statusOf(snapshot) {
      const r = resolve(snapshot);
      if (!r.ok) throw new WorkflowRefusal(r.error);
      return r.rules.statusOf(r.snapshot);
    },
    upgrade,
    unchangedBy: (version) => migrations.get(version)?.unchanged ?? [],
    machineOf: (version) => rules.get(version)?.machine,
  };
}
