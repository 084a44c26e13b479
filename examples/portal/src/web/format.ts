import type { Directory, Principal, ShownMessage } from '@reshaem/core';
import { roleLabels } from './labels.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** «25.01.2025 23:59» in the given zone. */
export function formatInstant(instant: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format.format(new Date(instant)).replace(',', '');
}

/** «25.01.2025» of a calendar date `2025-01-25`. */
export const formatLocalDate = (date: string): string => date.split('-').reverse().join('.');

/** The zone a message's times are shown in: its deadline's, else its organisation's region's. */
export const zoneOf = (
  message: Pick<ShownMessage, 'timeZone' | 'holdingOrgId'>,
  directory: Directory,
): string => message.timeZone ?? directory.timeZoneOf(message.holdingOrgId) ?? 'Europe/Moscow';

/** «Координатор · Министерство …» for each role the user holds. */
export function rolesOf(user: Principal, directory: Directory): string[] {
  return user.roles.map((grant) => {
    const org = grant.orgId ? directory.organisation(grant.orgId)?.name : undefined;
    return org ? `${roleLabels[grant.role]} · ${org}` : roleLabels[grant.role];
  });
}

export const orgName = (directory: Directory, orgId: string): string =>
  directory.organisation(orgId)?.name ?? orgId;

export const userName = (directory: Directory, userId: string | null): string =>
  userId === null ? '—' : (directory.user(userId)?.name ?? userId);

/** «Дороги / Ямы и выбоины на дороге / Яма на улице». */
export function topicOf(
  message: Pick<ShownMessage, 'categoryId' | 'subcategoryId' | 'factId'>,
  directory: Directory,
): string {
  const category = directory.catalogue.categories.find((c) => c.id === message.categoryId);
  const entry = directory.subcategory(message.subcategoryId);
  const fact = entry?.subcategory.facts.find((f) => f.id === message.factId);
  return [category?.name, entry?.subcategory.name, fact?.name].filter(Boolean).join(' / ');
}
