/*
 * The organisation settings over SQL besides autorules (see autorules.ts): notifications
 * and answer templates, one JSON list per organisation and kind (migration 003).
 */
import {
  type AnswerTemplate,
  answerTemplateSchema,
  assertOwnItems,
  type NotificationConfig,
  notificationConfigSchema,
} from '@reshaem/core';
import { sql } from 'kysely';
import type { Db } from './reads.js';

type Kind = 'notifications' | 'answer_templates';

async function loadItems<T extends { id: string }>(
  db: Db,
  orgId: string,
  kind: Kind,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false } },
): Promise<T[]> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('items')
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  const items = Array.isArray(row?.items) ? (row.items as unknown[]) : [];
  return items
    .flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function saveItems(
  db: Db,
  orgId: string,
  kind: Kind,
  items: readonly { id: string; orgId: string }[],
) {
  assertOwnItems(orgId, items);
  await db
    .insertInto('organisation_settings')
    .values({ org_id: orgId, kind, items: JSON.stringify(items) })
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind']).doUpdateSet({
        items: (eb) => eb.ref('excluded.items'),
        updated_at: sql<string>`now()`,
      }),
    )
    .execute();
}

/** The organisation's notifications, by id. */
export const loadNotifications = (db: Db, orgId: string): Promise<NotificationConfig[]> =>
  loadItems(db, orgId, 'notifications', notificationConfigSchema);

/** Replaces the organisation's notifications (validate with `checkNotificationConfig`). */
export const saveNotifications = (db: Db, orgId: string, configs: readonly NotificationConfig[]) =>
  saveItems(db, orgId, 'notifications', configs);

/** The organisation's answer templates, by id. */
export const loadAnswerTemplates = (db: Db, orgId: string): Promise<AnswerTemplate[]> =>
  loadItems(db, orgId, 'answer_templates', answerTemplateSchema);

/** Replaces the organisation's answer templates (validate with `answerTemplateSchema`). */
export const saveAnswerTemplates = (db: Db, orgId: string, templates: readonly AnswerTemplate[]) =>
  saveItems(db, orgId, 'answer_templates', templates);
