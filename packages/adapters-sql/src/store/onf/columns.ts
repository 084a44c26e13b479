import {
  type CaseSnapshot,
  type CaseStatus,
  definitionVersionOf,
  federalDistrictOf,
  phoneDigits,
  type StoredCase,
  type StoredCaseHistoryRecord,
} from '@reshaem/core';
import { searchTextOf } from '../kernel/columns.js';

const lower = (text: string | null) => (text === null ? null : searchTextOf(text));

/**
 * The case columns derived from a snapshot: what the §9 filters, sorts and scopes read, and
 * the definition version that made it.
 */
export function caseColumns(snapshot: CaseSnapshot, status: CaseStatus) {
  const c = snapshot.context;
  return {
    status,
    number: c.number,
    region_code: c.regionCode,
    federal_district: federalDistrictOf(c.regionCode)?.code ?? null,
    municipality_search: lower(c.municipality),
    address_search: lower(c.address),
    category_type: c.categoryType,
    category_id: c.categoryId,
    subcategory_id: c.subcategoryId,
    executor_id: c.executorId,
    org_id: c.orgId,
    lock_holder_id: c.lock?.holderId ?? null,
    labels: c.labels,
    applicant_search: searchTextOf(c.applicant.name),
    phone_digits: phoneDigits(c.applicant.phone),
    search_text: searchTextOf(c.text),
    contacted_before: c.contactedBefore,
    urgent: c.urgent,
    channel: c.channel,
    source_id: c.sourceId,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    definition_version: definitionVersionOf(snapshot),
  };
}
export type CaseColumns = ReturnType<typeof caseColumns>;

export const toStoredCase = (row: {
  id: string;
  version: number;
  status: string;
  snapshot: unknown;
}): StoredCase => ({
  id: row.id,
  version: row.version,
  status: row.status as CaseStatus,
  snapshot: row.snapshot as CaseSnapshot,
});

export const toCaseHistory = (row: {
  version: number;
  record: unknown;
}): StoredCaseHistoryRecord => ({
  ...(row.record as StoredCaseHistoryRecord),
  version: row.version,
});
