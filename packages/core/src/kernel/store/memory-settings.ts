import type { Autorule } from '../autorules/schema.js';
import type { AnswerTemplate } from '../notifications/answer-template.js';
import type { NotificationConfig } from '../notifications/config.js';
import { copy } from './copy.js';
import { assertOwnItems, byIdOrder, type OrganisationSettingsStore } from './settings-port.js';

/** The memory store's organisation settings, with a synchronous view of the rules. */
export interface MemorySettings extends OrganisationSettingsStore {
  /** Every saved rule of the organisation (enabled or not), for the write path. */
  autorulesNow(orgId: string): Autorule[];
}

export function createMemorySettings(): MemorySettings {
  const rules = new Map<string, Autorule[]>();
  const notifications = new Map<string, NotificationConfig[]>();
  const templates = new Map<string, AnswerTemplate[]>();
  const save = <T extends { id: string; orgId: string }>(
    map: Map<string, T[]>,
    orgId: string,
    items: readonly T[],
  ) => {
    assertOwnItems(orgId, items);
    map.set(orgId, copy([...items]));
  };
  const ordered = (orgId: string) =>
    [...(rules.get(orgId) ?? [])].sort((a, b) => a.position - b.position || byIdOrder(a, b));
  return {
    autorulesNow: (orgId) => ordered(orgId),
    async loadAutorules(orgId) {
      return copy(ordered(orgId));
    },
    async saveAutorules(orgId, items) {
      save(rules, orgId, items);
    },
    async loadNotifications(orgId) {
      return copy(notifications.get(orgId) ?? []).sort(byIdOrder);
    },
    async saveNotifications(orgId, items) {
      save(notifications, orgId, items);
    },
    async loadAnswerTemplates(orgId) {
      return copy(templates.get(orgId) ?? []).sort(byIdOrder);
    },
    async saveAnswerTemplates(orgId, items) {
      save(templates, orgId, items);
    },
  };
}
