import type { Channel, Directory, Principal } from '@reshaem/core';
import type { FormValues } from './forms/parse-form.js';

const orNull = (value: string | undefined) => (value ? value : null);

/**
 * The point of the two number inputs: none when both are empty; a half-filled or malformed
 * pair goes to the core as NaN, which it refuses with the field named.
 */
function pointOf(form: FormValues): { lat: number; lon: number } | null {
  const lat = form.lat ?? '';
  const lon = form.lon ?? '';
  if (lat === '' && lon === '') return null;
  const degrees = (text: string) => (text === '' ? Number.NaN : Number(text.replace(',', '.')));
  return { lat: degrees(lat), lon: degrees(lon) };
}

/**
 * The `submit` event of a form: an applicant's own message (`epgu_form`) or a phoned-in
 * one an operator enters (`operator`). Region and category follow from the chosen
 * organisation and subcategory; everything else is checked by the core. The event names
 * no number: the store gives the region's next one (`<region>-<YYMMDD>-<seq>`).
 */
export function submitEvent(
  form: FormValues,
  by: Principal,
  channel: Extract<Channel, 'epgu_form' | 'operator'>,
  directory: Directory,
  at: Date,
): Record<string, unknown> {
  const regionCode = directory.organisation(form.orgId ?? '')?.regionCode ?? '';
  const applicant =
    channel === 'operator'
      ? {
          name: form.applicantName ?? '',
          phone: orNull(form.applicantPhone),
          email: orNull(form.applicantEmail),
        }
      : { name: by.name ?? by.id, email: directory.user(by.id)?.email ?? null };
  return {
    type: 'submit',
    at: at.toISOString(),
    by,
    messageId: crypto.randomUUID(),
    channel,
    orgId: form.orgId ?? '',
    regionCode,
    applicant,
    problemAddress: orNull(form.problemAddress),
    location: pointOf(form),
    text: form.text ?? '',
    categoryId: directory.subcategory(form.subcategoryId ?? '')?.categoryId ?? '',
    subcategoryId: form.subcategoryId ?? '',
    factId: orNull(form.factId),
    lawType: form.appeal59 === 'on' ? 'appeal_59fz' : 'message',
  };
}
