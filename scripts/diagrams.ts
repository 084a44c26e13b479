/**
 * Writes docs/diagrams/*.md and docs/domain-reference.md from the machine definitions.
 *
 *   npm run docs:diagrams
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainReference, mermaidPage } from '../packages/core/src/index.js';
import { diagrams } from './diagram-list.js';

const dir = join(import.meta.dirname, '..', 'docs', 'diagrams');
for (const { file, title, machine, definition } of diagrams) {
  writeFileSync(join(dir, file), mermaidPage(title, machine, definition));
  console.log(`wrote docs/diagrams/${file}`);
}
writeFileSync(join(dir, '..', 'domain-reference.md'), domainReference());
console.log('wrote docs/domain-reference.md');
