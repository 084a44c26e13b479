import type { Autorule } from '../autorules/schema.js';
import type { AnswerTemplate } from '../notifications/answer-template.js';
import type { NotificationConfig } from '../notifications/config.js';

/**
 * What an organisation's admin configures, kept by the store: autorules, e-mail
 * notifications and answer templates. Each `save…` replaces the organisation's whole list;
 * validate first (`checkAutorule`, `checkNotificationConfig`, `answerTemplateSchema`).
 * The memory and SQL stores implement it; the HTTP admin endpoints need it.
 */
export interface OrganisationSettingsStore {
  /** The organisation's autorules, by position then id. */
  loadAutorules(orgId: string): Promise<Autorule[]>;
  saveAutorules(orgId: string, rules: readonly Autorule[]): Promise<void>;
  /** The organisation's notifications, by id. */
  loadNotifications(orgId: string): Promise<NotificationConfig[]>;
  saveNotifications(orgId: string, configs: readonly NotificationConfig[]): Promise<void>;
  /** The organisation's answer templates, by id. */
  loadAnswerTemplates(orgId: string): Promise<AnswerTemplate[]>;
  saveAnswerTemplates(orgId: string, templates: readonly AnswerTemplate[]): Promise<void>;
}

/**
 * Does the store keep organisation settings?
 *
 * @example
 * if (hasSettingsStore(store)) await store.saveAutorules('kam-roads', rules);
 */
export function hasSettingsStore<T extends object>(
  store: T,
): store is T & OrganisationSettingsStore {
  const s = store as Partial<OrganisationSettingsStore>;
  return (
    typeof s.loadAutorules === 'function' &&
    typeof s.saveNotifications === 'function' &&
    typeof s.saveAnswerTemplates === 'function'
  );
}

/** The id order of the settings lists. */
export const byIdOrder = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Throws unless every item belongs to `orgId`: a save never writes another organisation's. */
export function assertOwnItems(orgId: string, items: readonly { id: string; orgId: string }[]) {
  const foreign = items.find((i) => i.orgId !== orgId);
  if (foreign) throw new Error(`${foreign.id} belongs to ${foreign.orgId}, not ${orgId}`);
}
