import {
  type AnswerFile,
  type AnswerTemplate,
  type AnswerType,
  type Directory,
  hasSettingsStore,
  type MessageStore,
  type Principal,
  renderAnswerTemplate,
  type StoredMessage,
} from '@reshaem/core';
import type { FormValues } from './parse-form.js';

/** A template the answer form offers: its id and name. */
export interface TemplateChoice {
  id: string;
  name: string;
  answerType?: AnswerType | undefined;
}

/** What the answer form starts from, besides a refused form's own values. */
export interface AnswerFormData {
  /** The answer the head returned for rework: its text, type and files fill the form. */
  draft: {
    type: AnswerType;
    text: string;
    files: AnswerFile[];
    postponedUntil: string | null;
    comment: string | null;
  } | null;
  /** The holding organisation's answer templates (SPEC §8). */
  templates: TemplateChoice[];
  /** The template chosen with `?template=<id>`, filled with the message's values. */
  chosen: { id: string; text: string } | null;
}

/** The form field of a kept draft file: `keep0`, `keep1`, … */
export const keepField = (index: number) => `keep${index}`;

/** A draft file as the form names it: its upload by id, or its name alone. */
export const keepValue = (file: AnswerFile): string =>
  file.fileId === undefined ? `name:${file.name}` : `id:${file.fileId}`;

type KeptFile = { fileId: string } | { name: string };

/**
 * The draft's files the executor kept (the `keep…` check boxes that came back), as the
 * core's answer files take them: uploads by id, named files by name.
 */
export function keptFiles(form: FormValues): KeptFile[] {
  return Object.entries(form)
    .filter(([key]) => /^keep\d+$/.test(key))
    .sort(([a], [b]) => Number(a.slice(4)) - Number(b.slice(4)))
    .flatMap(([, value]): KeptFile[] => {
      if (value.startsWith('id:') && value.length > 3) return [{ fileId: value.slice(3) }];
      if (value.startsWith('name:') && value.length > 5) return [{ name: value.slice(5) }];
      return [];
    });
}

/** The upload ids among the kept files: the store describes them for the core's check. */
export const keptUploadIds = (form: FormValues): string[] =>
  keptFiles(form).flatMap((f) => ('fileId' in f ? [f.fileId] : []));

/**
 * The answer form's starting point for `user` on a message: the returned draft (an answer
 * not approved while the message is back in work), the holding organisation's templates,
 * and the chosen one rendered by the core with the message's values. Templates whose answer
 * type is the draft's come first.
 */
export async function answerFormData(
  store: MessageStore,
  stored: StoredMessage,
  user: Principal,
  templateId: string | undefined,
): Promise<AnswerFormData> {
  const m = stored.snapshot.context;
  const returned = stored.status === 'in_work' && m.answer !== null && m.answer.approvedAt === null;
  const draft =
    returned && m.answer
      ? {
          type: m.answer.type,
          text: m.answer.text,
          files: m.answer.files,
          postponedUntil: m.answer.postponedUntil,
          comment: m.lastReturnComment ?? null,
        }
      : null;
  const all: AnswerTemplate[] = hasSettingsStore(store)
    ? await store.loadAnswerTemplates(m.holdingOrgId)
    : [];
  const suits = (t: AnswerTemplate) => (draft && t.answerType === draft.type ? 0 : 1);
  const templates = [...all]
    .sort((a, b) => suits(a) - suits(b) || a.name.localeCompare(b.name, 'ru'))
    .map((t) => ({ id: t.id, name: t.name, answerType: t.answerType }));
  const template = templateId ? all.find((t) => t.id === templateId) : undefined;
  const chosen = template
    ? { id: template.id, text: renderTemplateText(template, stored, store.directory, user) }
    : null;
  return { draft, templates, chosen };
}

const renderTemplateText = (
  template: AnswerTemplate,
  stored: StoredMessage,
  directory: Directory,
  user: Principal,
) => renderAnswerTemplate(template, stored.snapshot.context, directory, user);
