import type { AnyStateMachine } from 'xstate';
import { toMermaid } from './mermaid.js';

/**
 * A Markdown page with a machine's Mermaid diagram, as committed under `docs/diagrams/`.
 * Generated, never edited by hand: the test suite fails when a committed page is stale.
 */
export function mermaidPage(title: string, machine: AnyStateMachine): string {
  return [
    `# ${title}`,
    '',
    '<!-- Generated from the machine definition by `npm run docs:diagrams`. Do not edit. -->',
    '',
    '```mermaid',
    toMermaid(machine).trimEnd(),
    '```',
    '',
  ].join('\n');
}
