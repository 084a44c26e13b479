import type { Directory } from '../../kernel/notifications/directory.js';
import { SYSTEM_PRINCIPAL } from '../../kernel/schemas/principal.js';
import { InvariantViolation } from '../../kernel/testing/invariant-violation.js';
import { caseViewerOf, caseViewFor } from '../field-visibility.js';
import type { CaseSnapshot } from '../workflow.js';

const fail = (message: string): never => {
  throw new InvariantViolation(message);
};

/**
 * Checks the ОНФ card rules (docs/security.md) on one card for every user of the directory
 * who may see it. Throws {@link InvariantViolation} on the first leak:
 *
 * - only the card's executor, the region's supervisors and curators, support, operators and
 *   the system see the applicant's phone and e-mail;
 * - only the executor, supervisors, curators and the system see the calls, the result, the
 *   closing, the postponement and the last return;
 * - nobody but them, support and moderators reads «Ход решения»;
 * - everyone who sees the card sees its intake (number, text, region, topic);
 * - a view never changes the card.
 *
 * @example
 * for (const card of trace.cards) checkCaseFieldVisibility(card, myDirectory);
 */
export function checkCaseFieldVisibility(snapshot: CaseSnapshot, directory: Directory): void {
  const card = snapshot.context;
  const before = JSON.stringify(card);
  for (const user of [...directory.users, SYSTEM_PRINCIPAL]) {
    const viewer = caseViewerOf(user, card, directory);
    if (viewer.kinds.length === 0) continue;
    const has = (...kinds: string[]) => viewer.kinds.some((k) => kinds.includes(k));
    const view = caseViewFor(viewer, card);
    const who = `${user.id} (${viewer.kinds.join(', ')})`;
    if (view.text !== card.text || view.number !== card.number) fail(`${who} lost the intake`);
    const works = has('system', 'assignee', 'supervisor', 'curator');
    if (!works && !has('support', 'operator')) {
      if (view.applicant.phone !== null || view.applicant.email !== null) {
        fail(`${who} sees the applicant's phone or e-mail`);
      }
    }
    if (!works) {
      const leaked = (['resolution', 'closure', 'postponement', 'lastReturn'] as const).find(
        (part) => view[part] !== null,
      );
      if (leaked) fail(`${who} sees the ${leaked}`);
      if (view.contactAttempts.length > 0) fail(`${who} sees the calls`);
      if (!has('support', 'moderator') && view.comments.length > 0) {
        fail(`${who} reads «Ход решения»`);
      }
    }
  }
  if (JSON.stringify(card) !== before) fail('a view changed the card');
}
