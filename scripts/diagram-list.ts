import type { AnyStateMachine } from 'xstate';
import { messageMachine } from '../packages/core/src/index.js';

/** Every machine whose diagram is committed under docs/diagrams/. */
export const diagrams: Array<{ file: string; title: string; machine: AnyStateMachine }> = [
  { file: 'message-machine.md', title: 'ПОС message machine', machine: messageMachine },
];
