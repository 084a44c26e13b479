import {
  type Directory,
  messageStatuses,
  type ShownMessage,
  type StoredMessage,
  viewFor,
} from '@reshaem/core';
import type { Open311Value } from './open311-format.js';
import { mediaUrlOf } from './open311-media.js';

/** The public, as the core's field rules know it: never the applicant, never an official. */
const PUBLIC_VIEWER = { kinds: ['public'] as const, userId: null };

/** The message as the public may read it (SPEC §11): the only view Open311 reads take. */
export const publicView = (stored: StoredMessage): ShownMessage =>
  viewFor(PUBLIC_VIEWER, stored.snapshot.context);

/** `open` until the ПОС status is final (rejected, completed), then `closed`. */
export const open311Status = (stored: StoredMessage): 'open' | 'closed' =>
  messageStatuses[stored.status].final ? 'closed' : 'open';

/** The status label, and for a closed message with an approved answer that answer's text. */
function statusNotes(stored: StoredMessage, message: ShownMessage): string {
  const label = messageStatuses[stored.status].label;
  const answer = message.answer;
  if (open311Status(stored) === 'closed' && answer && answer.approvedAt !== null) {
    return `${label}. ${answer.text}`;
  }
  return label;
}

/** An instant as the specification writes it (W3C date and time, `Z` for UTC). */
const w3c = (instant: string | null): string | null =>
  instant === null ? null : `${instant.slice(0, 19)}Z`;

/**
 * One service request of GET requests, from the message as the public sees it. The field
 * mapping is the table in docs/open311.md; nothing of the applicant is read but the photo
 * they allowed to be public, served under `mediaBase` (none when the app keeps no files).
 */
export function open311Request(
  stored: StoredMessage,
  directory: Directory,
  mediaBase?: string,
): Open311Value {
  const m = publicView(stored);
  const entry = directory.subcategory(m.subcategoryId);
  const point = m.location ?? null;
  return {
    service_request_id: m.id,
    status: open311Status(stored),
    status_notes: statusNotes(stored, m),
    service_name: entry?.subcategory.name ?? m.subcategoryId,
    service_code: m.subcategoryId,
    description: m.text,
    agency_responsible: directory.organisation(m.holdingOrgId)?.name ?? null,
    service_notice: null,
    requested_datetime: w3c(m.createdAt),
    updated_datetime: w3c(m.updatedAt),
    expected_datetime: w3c(m.responseDueAt),
    address: m.problemAddress,
    address_id: null,
    zipcode: null,
    lat: point?.lat ?? null,
    long: point?.lon ?? null,
    // Only a photo the applicant allowed, of a public message (publicPhotosOf).
    media_url: mediaUrlOf(stored, mediaBase),
  };
}
