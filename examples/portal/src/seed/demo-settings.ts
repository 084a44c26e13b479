import { type AnswerTemplate, hasSettingsStore, type MessageStore } from '@reshaem/core';

/** The road ministry's prepared answers: what its executors pick from on the answer form. */
export const demoAnswerTemplates: readonly AnswerTemplate[] = [
  {
    id: 'kam-roads-pothole-fixed',
    orgId: 'kam-roads',
    name: 'Яма устранена',
    answerType: 'resolved',
    body:
      'Уважаемый(ая) {{ФИО Заявителя}}!\n\n' +
      'По вашему сообщению № {{Номер сообщения}} от {{Дата создания сообщения}} ' +
      '(«{{Категория сообщения}}») выполнен ямочный ремонт.\n\n' +
      '{{ФИО пользователя}}, {{Наименование ЛКО}}',
  },
  {
    id: 'kam-roads-repair-planned',
    orgId: 'kam-roads',
    name: 'Ремонт включён в план',
    answerType: 'postponed',
    body:
      'Уважаемый(ая) {{ФИО Заявителя}}!\n\n' +
      'Участок из сообщения № {{Номер сообщения}} включён в план ремонта дорог.\n\n' +
      '{{ФИО пользователя}}, {{Наименование ЛКО}}',
  },
];

/**
 * Saves the demo answer templates when the organisation has none (the first start of a
 * demo portal); a store without settings is left as it is.
 */
export async function seedDemoSettings(store: MessageStore): Promise<number> {
  if (!hasSettingsStore(store)) return 0;
  const orgIds = [...new Set(demoAnswerTemplates.map((t) => t.orgId))];
  let saved = 0;
  for (const orgId of orgIds) {
    if ((await store.loadAnswerTemplates(orgId)).length > 0) continue;
    const templates = demoAnswerTemplates.filter((t) => t.orgId === orgId);
    await store.saveAnswerTemplates(orgId, templates);
    saved += templates.length;
  }
  return saved;
}
