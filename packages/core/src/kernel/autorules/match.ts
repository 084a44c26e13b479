import type { Message } from '../../pos/schemas/message.js';
import type { Autorule, AutoruleCriterion } from './schema.js';
import { containsStems, wordsOf } from './text-match.js';

/** What of a message the rules look at. */
export type MatchableMessage = Pick<
  Message,
  'categoryId' | 'subcategoryId' | 'factId' | 'regionCode' | 'municipality' | 'channel' | 'text'
>;

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w, i) => w === b[i]);

/**
 * The criteria of the rule that the message fails, in the order of the rule's match
 * object; empty when the rule matches. What an admin sees when a tried rule does not match.
 *
 * @example
 * autoruleMismatches(rule, message); // ['subcategoryIds', 'words']
 */
export function autoruleMismatches(
  rule: Pick<Autorule, 'match'>,
  message: MatchableMessage,
): AutoruleCriterion[] {
  const m = rule.match;
  const failed: AutoruleCriterion[] = [];
  if (m.categoryIds && !m.categoryIds.includes(message.categoryId)) failed.push('categoryIds');
  if (m.subcategoryIds && !m.subcategoryIds.includes(message.subcategoryId)) {
    failed.push('subcategoryIds');
  }
  if (m.factIds && (message.factId === null || !m.factIds.includes(message.factId))) {
    failed.push('factIds');
  }
  if (m.regionCodes && !m.regionCodes.includes(message.regionCode)) failed.push('regionCodes');
  if (m.municipalities) {
    const own = message.municipality === null ? null : wordsOf(message.municipality);
    if (own === null || !m.municipalities.some((name) => sameWords(wordsOf(name), own))) {
      failed.push('municipalities');
    }
  }
  if (m.channels && !m.channels.includes(message.channel)) failed.push('channels');
  if (m.words) {
    const text = wordsOf(message.text);
    const found = (term: string) => containsStems(text, wordsOf(term));
    const ok = m.words.mode === 'all' ? m.words.terms.every(found) : m.words.terms.some(found);
    if (!ok) failed.push('words');
  }
  return failed;
}

/**
 * Does the message meet every criterion of the rule? Enabled or not, and whatever
 * organisation holds the message: this looks at the message's fields only.
 *
 * @example
 * matchAutorule(
 *   { match: { subcategoryIds: ['potholes'], words: { mode: 'any', terms: ['ям'] } } },
 *   message, // subcategory potholes, text «Глубокая яма у дома 5»
 * ); // true
 */
export function matchAutorule(rule: Pick<Autorule, 'match'>, message: MatchableMessage): boolean {
  return autoruleMismatches(rule, message).length === 0;
}
