import {
  addCalendarDays,
  type Directory,
  endOfLocalDay,
  type Message,
  type MessageEventType,
} from '@reshaem/core';
import { zoneOf } from '../format.js';
import { keptFiles } from './answer-draft.js';

/** A posted form: every field as a string. */
export type FormValues = Record<string, string>;

/** Reads a posted form into plain strings, trimmed. */
export async function readForm(request: Request): Promise<FormValues> {
  return formValues(await request.formData());
}

/** A parsed form as plain strings, trimmed; files are left out. */
export function formValues(data: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of data.entries()) {
    if (typeof value === 'string') values[key] = value.trim();
  }
  return values;
}

/** Only the fields that were filled in: empty ones are left for the core to ask for. */
function filled(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
}

const fileNames = (text: string | undefined) =>
  (text ?? '')
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** 00:00 local time of a date: the minute after 23:59 of the day before. */
const startOfLocalDay = (date: string, zone: string) =>
  new Date(Date.parse(endOfLocalDay(addCalendarDays(date, -1), zone)) + 60_000).toISOString();

function localInstant(date: string | undefined, zone: string, end: boolean): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return date || undefined;
  try {
    return end ? endOfLocalDay(date, zone) : startOfLocalDay(date, zone);
  } catch {
    return date; // not a real date: the core's schema says so
  }
}

/**
 * The payload of an event from its form, shaped as the core's event schema wants it. The
 * portal only translates (a date picked in the message's zone becomes an instant, file
 * names become file entries); every check is the core's.
 */
export function eventPayload(
  type: MessageEventType,
  form: FormValues,
  message: Message,
  directory: Directory,
): Record<string, unknown> {
  const zone = zoneOf(message, directory);
  switch (type) {
    case 'moderation.reject':
      return filled({ reason: form.reason });
    case 'moderation.correct':
      // The form shows the whole topic: an empty fact clears it.
      return {
        ...filled({
          orgId: form.orgId,
          categoryId: directory.subcategory(form.subcategoryId ?? '')?.categoryId,
          subcategoryId: form.subcategoryId,
          comment: form.comment,
        }),
        factId: form.factId ? form.factId : null,
      };
    case 'executor.assign':
      return filled({
        executorId: form.executorId,
        executionDueAt: localInstant(form.executionDueDate, zone, true),
      });
    case 'executor.reassign':
      return filled({ executorId: form.executorId, comment: form.comment });
    case 'coordination.forward':
      return filled({ orgId: form.orgId, comment: form.comment });
    case 'coordination.return':
    case 'answer.return':
    case 'deadline.extension_deny':
      return filled({ comment: form.comment });
    case 'answer.approve':
    case 'deadline.extension_approve':
      return filled({ comment: form.comment });
    case 'answer.submit':
      return {
        answer: filled({
          type: form.answerType,
          text: form.text,
          files: [...keptFiles(form), ...fileNames(form.files)],
          postponedUntil: form.answerType === 'postponed' ? form.postponedUntil : undefined,
        }),
      };
    case 'deadline.extension_request':
      return filled({ until: form.until, reason: form.reason });
    case 'rating.submit':
      return filled({ score: form.score ? Number(form.score) : undefined, comment: form.comment });
    case 'delivery.confirm':
      return filled({ channel: form.channel, note: form.note });
    case 'registration.update':
      return filled({
        registrationNumber: form.registrationNumber,
        registeredAt: localInstant(form.registeredDate, zone, false),
      });
    default:
      return {};
  }
}
