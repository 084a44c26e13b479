import type { AnyStateMachine, StateValue } from 'xstate';

interface PlainSnapshot<C> {
  value: StateValue;
  context: C;
}

/**
 * How a workflow's plain snapshot context (what stores persist) sits in its machine's
 * context: the message machine keeps the message one level down, `{ message }`.
 */
export interface ContextMapping<Plain, Machine> {
  toMachine(context: Plain): Machine;
  fromMachine(context: Machine): Plain;
}

/**
 * Remembers the machine's own snapshot behind each plain `{ value, context }` snapshot a
 * workflow returned. Resolving a persisted value back into state nodes costs about as much
 * as the transition itself; a store that keeps the returned object (the memory store, a
 * cache in front of SQL) hands it back with the next event, and the work is skipped. A
 * remembered state is used only while value and context are still the very objects the
 * machine produced, so a snapshot someone rebuilt or edited is resolved afresh.
 */
export function createResolvedStates<M extends AnyStateMachine, Plain>(
  machine: M,
  mapping: ContextMapping<Plain, ReturnType<M['resolveState']>['context']>,
) {
  type State = ReturnType<M['resolveState']>;
  const states = new WeakMap<PlainSnapshot<Plain>, State>();
  return {
    /** The machine snapshot for a plain one: remembered, or resolved now. */
    stateOf(snapshot: PlainSnapshot<Plain>): State {
      const known = states.get(snapshot);
      if (
        known &&
        known.value === snapshot.value &&
        mapping.fromMachine(known.context) === snapshot.context
      ) {
        return known;
      }
      return machine.resolveState({
        value: snapshot.value,
        context: mapping.toMachine(snapshot.context),
      }) as State;
    },
    /** A plain snapshot of `state` to return, remembered for the next event. */
    plain(state: State): PlainSnapshot<Plain> {
      const snapshot = { value: state.value, context: mapping.fromMachine(state.context) };
      states.set(snapshot, state);
      return snapshot;
    },
  };
}
