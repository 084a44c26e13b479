import { type CaseEventType, type CorrectableField, correctableFieldSchema } from '@reshaem/core';
import type { FormValues } from '../forms/parse-form.js';

/** Only the fields that were filled in: empty ones are left for the core to ask for. */
const filled = (fields: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));

const fileNames = (text: string | undefined) =>
  (text ?? '')
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** «roads/road-repair» of the moderator's select box. */
function topic(value: string | undefined) {
  if (!value) return {};
  const [categoryId, subcategoryId] = value.split('/');
  return { categoryId, subcategoryId };
}

/**
 * The payload of a card's event from its form, shaped as the core's event schema wants it.
 * The portal only translates (file names become file entries, a field and its value become
 * a correction); every check is the core's.
 */
export function caseEventPayload(type: CaseEventType, form: FormValues): Record<string, unknown> {
  switch (type) {
    case 'case.assign':
      return filled({ executorId: form.executorId, executionDueDate: form.executionDueDate });
    case 'case.comment':
      return filled({ text: form.text });
    case 'case.contact_attempt':
      return filled({ outcome: form.outcome, comment: form.comment });
    case 'case.federal_level':
    case 'case.accept':
      return filled({ comment: form.comment });
    case 'case.return':
      return filled({ comment: form.comment });
    case 'case.resolve':
      return filled({ description: form.description, files: fileNames(form.files) });
    case 'case.postpone':
      return filled({ until: form.until, reason: form.reason, comment: form.comment });
    case 'case.close_request':
      return filled({ reason: form.reason, comment: form.comment, duplicateOf: form.duplicateOf });
    case 'case.rereview_request':
      return filled({ reason: form.reason, comment: form.comment });
    case 'case.rereview_fix':
      return filled({
        regionCode: form.regionCode,
        municipality: form.municipality,
        categoryType: form.categoryType,
        ...topic(form.topic),
        comment: form.comment,
      });
    case 'case.support_request':
      return filled({
        corrections: form.field ? [{ field: form.field, value: form.value || null }] : undefined,
        comment: form.comment,
      });
    case 'case.support_fix': {
      const fields = correctableFieldSchema.options as CorrectableField[];
      const changes = Object.fromEntries(fields.flatMap((f) => (form[f] ? [[f, form[f]]] : [])));
      return filled({ changes, comment: form.comment });
    }
    default:
      return {};
  }
}
