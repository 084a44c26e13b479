import { findRegion } from '../deadlines/regions.js';
import { issuesFromZod, type PayloadIssue } from '../errors.js';
import type { Directory } from '../notifications/directory.js';
import { type Autorule, autoruleSchema } from './schema.js';

/** A rule ready to save, or what is wrong with it, by field path. */
export type AutoruleCheck = { ok: true; rule: Autorule } | { ok: false; issues: PayloadIssue[] };

/**
 * Validates a rule as an admin saves it: its shape (zod), then against the directory —
 * the organisation, catalogue entries and regions it names exist, a subcategory listed with
 * categories belongs to one of them, the executor is an executor of the rule's
 * organisation, and a forward target is below the organisation or competent for the listed
 * subcategories. What depends on the message (its subcategory when the rule lists none) is
 * still checked by the workflow when the rule acts.
 *
 * @example
 * const check = checkAutorule(body, directory);
 * if (!check.ok) return problem(400, check.issues);
 * await store.saveAutorule(check.rule);
 */
export function checkAutorule(input: unknown, directory: Directory): AutoruleCheck {
  const parsed = autoruleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const rule = parsed.data;
  const issues: PayloadIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { match, action } = rule;

  if (!directory.organisation(rule.orgId)) issue(['orgId'], `unknown organisation ${rule.orgId}`);

  const categories = new Set(directory.catalogue.categories.map((c) => c.id));
  match.categoryIds?.forEach((id, i) => {
    if (!categories.has(id)) issue(['match', 'categoryIds', i], `unknown category ${id}`);
  });
  match.subcategoryIds?.forEach((id, i) => {
    const entry = directory.subcategory(id);
    const path = ['match', 'subcategoryIds', i];
    if (!entry) issue(path, `unknown subcategory ${id}`);
    else if (match.categoryIds && !match.categoryIds.includes(entry.categoryId)) {
      issue(path, `subcategory ${id} is in none of the rule's categories: it can never match`);
    }
  });
  match.factIds?.forEach((id, i) => {
    const owners = directory.catalogue.categories
      .flatMap((c) => c.subcategories)
      .filter((s) => s.facts.some((f) => f.id === id));
    const path = ['match', 'factIds', i];
    if (owners.length === 0) issue(path, `unknown fact ${id}`);
    else if (match.subcategoryIds && !owners.some((s) => match.subcategoryIds?.includes(s.id))) {
      issue(path, `fact ${id} is in none of the rule's subcategories: it can never match`);
    }
  });
  match.regionCodes?.forEach((code, i) => {
    if (!findRegion(code)) issue(['match', 'regionCodes', i], `unknown region ${code}`);
  });

  if (action.kind === 'assign') {
    if (!directory.userHasRole(action.executorId, 'executor', rule.orgId)) {
      issue(['action', 'executorId'], `${action.executorId} is not an executor of ${rule.orgId}`);
    }
  } else if (!directory.organisation(action.orgId)) {
    issue(['action', 'orgId'], `unknown organisation ${action.orgId}`);
  } else if (!directory.isBelow(action.orgId, rule.orgId)) {
    for (const id of match.subcategoryIds ?? []) {
      if (!directory.isCompetent(action.orgId, id)) {
        issue(
          ['action', 'orgId'],
          `${action.orgId} is neither below ${rule.orgId} nor competent for subcategory ${id}`,
        );
      }
    }
  }
  return issues.length === 0 ? { ok: true, rule } : { ok: false, issues };
}
