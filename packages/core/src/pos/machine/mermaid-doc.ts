import type { AnyStateMachine } from 'xstate';
import type { DefinitionStamp } from '../../kernel/versions/definition.js';
import { toMermaid } from './mermaid.js';

/**
 * A Markdown page with a machine's Mermaid diagram, as committed under `docs/diagrams/`.
 * Generated, never edited by hand: the test suite fails when a committed page is stale.
 * With `definition`, the page and the diagram's title name the definition version.
 */
export function mermaidPage(
  title: string,
  machine: AnyStateMachine,
  definition?: DefinitionStamp,
): string {
  return [
    `# ${title}`,
    '',
    '<!-- Generated from the machine definition by `npm run docs:diagrams`. Do not edit. -->',
    '',
    ...(definition
      ? [`Definition version ${definition.version} of the \`${definition.workflow}\` workflow.`, '']
      : []),
    '```mermaid',
    toMermaid(machine, definition ? { definition } : {}).trimEnd(),
    '```',
    '',
  ].join('\n');
}
