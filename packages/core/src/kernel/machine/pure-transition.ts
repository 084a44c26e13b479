import {
  type AnyActorScope,
  type AnyStateMachine,
  createActor,
  type EventFromLogic,
  type SnapshotFrom,
} from 'xstate';

interface CollectedAction {
  type: string;
  params?: unknown;
}

/**
 * A pure `transition(machine, snapshot, event)` that reuses one inert actor scope per
 * machine instead of creating a throwaway actor on every call, as xstate's own
 * `transition()` does. Like it, it executes no action: it collects them and returns them.
 * It only suits machines that neither spawn nor invoke (the workflow machines do neither),
 * because spawned children would register in the shared scope.
 */
export function createPureTransition<M extends AnyStateMachine>(
  machine: M,
  input: unknown,
): (snapshot: SnapshotFrom<M>, event: EventFromLogic<M>) => [SnapshotFrom<M>, CollectedAction[]] {
  const self = createActor(machine as AnyStateMachine, { input } as never);
  let collected: CollectedAction[] = [];
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action) => {
      collected.push(action as CollectedAction);
    },
  };
  return (snapshot, event) => {
    collected = [];
    const next = machine.transition(snapshot, event, scope) as SnapshotFrom<M>;
    const actions = collected;
    collected = [];
    return [next, actions];
  };
}
