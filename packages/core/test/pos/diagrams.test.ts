import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagrams } from '../../../../scripts/diagram-list.js';
import { domainReference, mermaidPage, messageMachine, toMermaid } from '../../src/index.js';

describe('machine diagrams', () => {
  for (const { file, title, machine, definition } of diagrams) {
    it(`docs/diagrams/${file} is up to date (run npm run docs:diagrams)`, () => {
      const committed = readFileSync(
        join(import.meta.dirname, '../../../../docs/diagrams', file),
        'utf8',
      );
      expect(committed).toBe(mermaidPage(title, machine, definition));
    });
  }

  it('docs/domain-reference.md is up to date (run npm run docs:diagrams)', () => {
    const committed = readFileSync(
      join(import.meta.dirname, '../../../../docs/domain-reference.md'),
      'utf8',
    );
    expect(committed).toBe(domainReference());
  });

  it('shows every status, region, guard and timer event of the message machine', () => {
    const diagram = toMermaid(messageMachine);
    for (const status of ['moderation', 'answer_ready', 'postponed', 'completed']) {
      expect(diagram).toContain(`state "${status}" as status__${status}`);
    }
    expect(diagram).toContain(
      'status__on_approval --> status__answer_ready: answer.approve [and(isOperatorEntered, applicantHasEmail)]',
    );
    expect(diagram).toContain(
      'deadline__running --> deadline__stopped: always [not(deadlineRuns)]',
    );
    expect(diagram).toContain('\n  --\n');
  });

  it('names the definition version it draws', () => {
    const diagram = toMermaid(messageMachine, { definition: { workflow: 'pos', version: 2 } });
    expect(diagram.startsWith('---\ntitle: pos definition v2\n---\nstateDiagram-v2\n')).toBe(true);
    const page = readFileSync(
      join(import.meta.dirname, '../../../../docs/diagrams/message-machine.md'),
      'utf8',
    );
    expect(page).toContain('Definition version 1 of the `pos` workflow.');
    expect(page).toContain('title: pos definition v1');
  });
});
