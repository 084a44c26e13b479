import type { CaseRecord } from './case.js';

/**
 * A shallow copy of an ОНФ card, field by field, for the machine to change: stored cards
 * are frozen, and V8 spreads a frozen object property by property, many times slower than
 * this literal (see `copyMessage`). Every field of {@link CaseRecord} is required, so the
 * compiler names any field added to the schema and missing here; a test compares the keys.
 */
export function copyCard(c: CaseRecord): CaseRecord {
  return {
    id: c.id,
    number: c.number,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    applicant: c.applicant,
    text: c.text,
    regionCode: c.regionCode,
    municipality: c.municipality,
    address: c.address,
    sourceAddress: c.sourceAddress,
    categoryType: c.categoryType,
    categoryId: c.categoryId,
    subcategoryId: c.subcategoryId,
    urgent: c.urgent,
    contactedBefore: c.contactedBefore,
    labels: c.labels,
    sourceSystem: c.sourceSystem,
    sourceId: c.sourceId,
    channel: c.channel,
    stream: c.stream,
    executorId: c.executorId,
    orgId: c.orgId,
    supervisorId: c.supervisorId,
    assignedAt: c.assignedAt,
    executionDueDate: c.executionDueDate,
    lock: c.lock,
    contactAttempts: c.contactAttempts,
    comments: c.comments,
    resolution: c.resolution,
    closure: c.closure,
    postponement: c.postponement,
    lastReturn: c.lastReturn,
    rereview: c.rereview,
    supportRequest: c.supportRequest,
  };
}
