import type { AnyStateMachine } from 'xstate';
import { type DefinitionStamp, messageMachine, posWorkflow } from '../packages/core/src/index.js';

/** Every machine whose diagram is committed under docs/diagrams/, with its definition. */
export const diagrams: Array<{
  file: string;
  title: string;
  machine: AnyStateMachine;
  definition: DefinitionStamp;
}> = [
  {
    file: 'message-machine.md',
    title: 'ПОС message machine',
    machine: messageMachine,
    definition: posWorkflow.definition,
  },
];
