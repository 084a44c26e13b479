import { findRegion } from '../deadlines/regions.js';
import { issuesFromZod, type PayloadIssue } from '../errors.js';
import type { Directory } from '../notifications/directory.js';
import { russianErrors } from '../schemas/russian-errors.js';
import { type Autorule, autoruleSchema } from './schema.js';

type Owner = { facts: ReadonlyArray<{ id: string; name: string }> };

// Names people know, with the id as the fallback when the directory lacks the entry.
const orgName = (directory: Directory, id: string) => `«${directory.organisation(id)?.name ?? id}»`;
const userName = (directory: Directory, id: string) => directory.user(id)?.name ?? id;
const factName = (owners: readonly Owner[], id: string) =>
  owners.flatMap((o) => o.facts).find((f) => f.id === id)?.name ?? id;

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
  const parsed = autoruleSchema.safeParse(input, russianErrors);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const rule = parsed.data;
  const issues: PayloadIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { match, action } = rule;

  if (!directory.organisation(rule.orgId))
    issue(['orgId'], `Неизвестная организация ${rule.orgId}`);

  const categories = new Set(directory.catalogue.categories.map((c) => c.id));
  match.categoryIds?.forEach((id, i) => {
    if (!categories.has(id)) issue(['match', 'categoryIds', i], `Неизвестная категория ${id}`);
  });
  match.subcategoryIds?.forEach((id, i) => {
    const entry = directory.subcategory(id);
    const path = ['match', 'subcategoryIds', i];
    if (!entry) issue(path, `Неизвестная подкатегория ${id}`);
    else if (match.categoryIds && !match.categoryIds.includes(entry.categoryId)) {
      issue(
        path,
        `Подкатегория «${entry.subcategory.name}» не входит ни в одну из категорий правила: правило с ней не сработает`,
      );
    }
  });
  match.factIds?.forEach((id, i) => {
    const owners = directory.catalogue.categories
      .flatMap((c) => c.subcategories)
      .filter((s) => s.facts.some((f) => f.id === id));
    const path = ['match', 'factIds', i];
    if (owners.length === 0) issue(path, `Неизвестный факт ${id}`);
    else if (match.subcategoryIds && !owners.some((s) => match.subcategoryIds?.includes(s.id))) {
      issue(
        path,
        `Факт «${factName(owners, id)}» не входит ни в одну из подкатегорий правила: правило с ним не сработает`,
      );
    }
  });
  match.regionCodes?.forEach((code, i) => {
    if (!findRegion(code)) issue(['match', 'regionCodes', i], `Неизвестный регион ${code}`);
  });

  if (action.kind === 'assign') {
    if (!directory.userHasRole(action.executorId, 'executor', rule.orgId)) {
      issue(
        ['action', 'executorId'],
        `${userName(directory, action.executorId)} — не исполнитель организации ${orgName(directory, rule.orgId)}`,
      );
    }
  } else if (!directory.organisation(action.orgId)) {
    issue(['action', 'orgId'], `Неизвестная организация ${action.orgId}`);
  } else if (!directory.isBelow(action.orgId, rule.orgId)) {
    for (const id of match.subcategoryIds ?? []) {
      if (!directory.isCompetent(action.orgId, id)) {
        issue(
          ['action', 'orgId'],
          `Организация ${orgName(directory, action.orgId)} не подчинена организации ${orgName(directory, rule.orgId)} и не отвечает за подкатегорию «${directory.subcategory(id)?.subcategory.name ?? id}»`,
        );
      }
    }
  }
  return issues.length === 0 ? { ok: true, rule } : { ok: false, issues };
}
