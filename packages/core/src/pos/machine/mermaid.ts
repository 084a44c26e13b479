import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { DefinitionStamp } from '../../kernel/versions/definition.js';

const idOf = (node: AnyStateNode) => node.path.join('__') || 'root';

function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  // Higher-order guards (and, or, not) are functions carrying their inner guards.
  const inner = (guard as { guards?: unknown }).guards;
  if (typeof guard === 'function' && Array.isArray(inner)) {
    return `${guard.name}(${inner.map(guardName).join(', ')})`;
  }
  if (typeof guard === 'object' && 'type' in guard) return String(guard.type);
  return 'guard';
}

function transitionsOf(node: AnyStateNode, lines: string[], indent: string): void {
  const from = idOf(node);
  for (const [eventType, list] of node.transitions) {
    for (const t of list) {
      const guard = guardName(t.guard);
      const label = guard ? `${eventType} [${guard}]` : eventType;
      const targets: readonly AnyStateNode[] = t.target ?? [node];
      for (const target of targets) lines.push(`${indent}${from} --> ${idOf(target)}: ${label}`);
    }
  }
  for (const t of node.always ?? []) {
    const guard = guardName(t.guard);
    for (const target of t.target ?? []) {
      lines.push(`${indent}${from} --> ${idOf(target)}: always${guard ? ` [${guard}]` : ''}`);
    }
  }
}

function render(node: AnyStateNode, lines: string[], indent: string): void {
  const children = Object.values(node.states) as AnyStateNode[];
  if (node.type === 'parallel') {
    children.forEach((region, i) => {
      if (i > 0) lines.push(`${indent}--`);
      lines.push(`${indent}state "${region.key}" as ${idOf(region)} {`);
      render(region, lines, `${indent}  `);
      lines.push(`${indent}}`);
    });
    return;
  }
  const initial = node.initial?.target?.[0];
  if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
  for (const child of children) {
    if (child.type === 'compound' || child.type === 'parallel') {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
      render(child, lines, `${indent}  `);
      lines.push(`${indent}}`);
    } else {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
      if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
    }
    if (child.description)
      lines.push(`${indent}note right of ${idOf(child)}: ${child.description}`);
  }
  for (const child of children) transitionsOf(child, lines, indent);
}

/** What a diagram says about itself. */
export interface MermaidOptions {
  /** The definition the machine is: drawn as the diagram's title (`pos definition v2`). */
  definition?: DefinitionStamp;
}

/**
 * A Mermaid `stateDiagram-v2` of a machine, generated from its definition: every state,
 * region, transition, guard and eventless step. Paste it into any Mermaid renderer, or
 * keep it in docs and regenerate it when the machine changes. With `definition`, the
 * diagram's title names the definition version it draws.
 *
 * @example
 * import { messageMachine, posWorkflow, toMermaid } from '@reshaem/core';
 * console.log(toMermaid(messageMachine, { definition: posWorkflow.definition }));
 */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  const { definition } = options;
  const lines = definition
    ? ['---', `title: ${definitionTitle(definition)}`, '---', 'stateDiagram-v2']
    : ['stateDiagram-v2'];
  render(machine.root, lines, '  ');
  return `${lines.join('\n')}\n`;
}

/** `pos definition v2`: how diagrams and the inspector name a definition. */
export const definitionTitle = (definition: DefinitionStamp): string =>
  `${definition.workflow} definition v${definition.version}`;
