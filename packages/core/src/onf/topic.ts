import type { Directory } from '../kernel/notifications/directory.js';
import type { CaseRecord } from './schemas/case.js';
import type { CaseCreateEvent } from './schemas/events.js';

/**
 * Is the category (and subcategory, when given) in the directory's catalogue? Returns the
 * field at fault, or `undefined` when the topic is known.
 */
export function checkTopic(
  directory: Directory,
  categoryId: string,
  subcategoryId: string | null,
): { field: 'categoryId' | 'subcategoryId'; message: string } | undefined {
  const category = directory.catalogue.categories.find((c) => c.id === categoryId);
  if (!category) return { field: 'categoryId', message: `Неизвестная категория ${categoryId}` };
  if (subcategoryId !== null && !category.subcategories.some((s) => s.id === subcategoryId)) {
    return {
      field: 'subcategoryId',
      message: `Подкатегория ${subcategoryId} не входит в категорию «${category.name}»`,
    };
  }
  return undefined;
}

/** A new card from a validated `case.create` event: nobody assigned, nothing done yet. */
export function createdRecord(event: CaseCreateEvent): CaseRecord {
  return {
    id: event.caseId,
    number: event.number,
    createdAt: event.at,
    updatedAt: event.at,
    applicant: event.applicant,
    text: event.text,
    regionCode: event.regionCode,
    municipality: event.municipality,
    address: event.address,
    sourceAddress: event.sourceAddress,
    categoryType: event.categoryType,
    categoryId: event.categoryId,
    subcategoryId: event.subcategoryId,
    urgent: event.urgent,
    contactedBefore: event.contactedBefore,
    labels: [...new Set(event.labels)].sort(),
    sourceSystem: event.sourceSystem,
    sourceId: event.sourceId,
    channel: event.channel,
    stream: event.stream,
    executorId: null,
    orgId: null,
    supervisorId: null,
    assignedAt: null,
    executionDueDate: null,
    lock: null,
    contactAttempts: [],
    comments: [],
    resolution: null,
    closure: null,
    postponement: null,
    lastReturn: null,
    rereview: null,
    supportRequest: null,
  };
}
