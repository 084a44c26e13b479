import { invalidField, type WorkflowError } from '../kernel/errors.js';
import type { Directory, SubcategoryEntry } from '../kernel/notifications/directory.js';
import type { Organisation } from '../kernel/schemas/organisation.js';

/** What a message is about and who it goes to: the rubric and the recipient organisation. */
export interface MessageTopic {
  orgId: string;
  categoryId: string;
  subcategoryId: string;
  factId: string | null;
}

/** A topic found in the directory: the organisation and the subcategory's catalogue entry. */
export interface CheckedTopic {
  org: Organisation;
  entry: SubcategoryEntry;
}

/**
 * Checks a topic against the catalogue and the directory, as submission and the moderator's
 * correction both need it: the organisation exists, the subcategory exists and belongs to
 * the category, the fact (if any) to the subcategory, and the organisation answers for the
 * subcategory or coordinates its region. Refusals name the field at fault, in Russian.
 */
export function checkTopic(
  topic: MessageTopic,
  directory: Directory,
): { ok: true; value: CheckedTopic } | { ok: false; error: WorkflowError } {
  const fail = (error: WorkflowError) => ({ ok: false as const, error });
  const org = directory.organisation(topic.orgId);
  if (!org) return fail(invalidField(['orgId'], `организация ${topic.orgId} не найдена`));
  const entry = directory.subcategory(topic.subcategoryId);
  if (!entry) {
    return fail(invalidField(['subcategoryId'], `подкатегория ${topic.subcategoryId} не найдена`));
  }
  if (entry.categoryId !== topic.categoryId) {
    return fail(
      invalidField(['categoryId'], `подкатегория ${topic.subcategoryId} не входит в эту категорию`),
    );
  }
  if (topic.factId !== null && !entry.factIds.has(topic.factId)) {
    return fail(invalidField(['factId'], `факт ${topic.factId} не входит в эту подкатегорию`));
  }
  if (!directory.isCompetent(org.id, topic.subcategoryId) && !org.coordinatesRegion) {
    return fail(
      invalidField(
        ['orgId'],
        `${org.name} не отвечает за эту подкатегорию: выберите ответственную организацию или координирующую организацию региона`,
      ),
    );
  }
  return { ok: true, value: { org, entry } };
}
