import { z } from 'zod';
import { calendarYearSchema } from '../deadlines/calendar-year.js';
import { assertTimeZone } from '../deadlines/instant.js';
import {
  createProductionCalendar,
  type ProductionCalendar,
} from '../deadlines/production-calendar.js';
import { findRegion } from '../deadlines/regions.js';
import { type BoundingBox, boundingBoxSchema } from '../geo/geo-point.js';
import { SHIPPED_REGION_BOUNDS } from '../geo/region-bounds.js';
import { type Catalogue, catalogueSchema, type Subcategory } from '../schemas/catalogue.js';
import { type Organisation, organisationSchema } from '../schemas/organisation.js';
import { hasRole, type Role, type User, userSchema } from '../schemas/principal.js';
import { russianErrors } from '../schemas/russian-errors.js';

/** Settings of the rules that a platform may tune. */
export const ruleSettingsSchema = z.object({
  /** Share of a deadline's time after which a message is `due_soon` (0.75 = three quarters). */
  dueSoonShare: z.number().gt(0).lt(1).default(0.75),
  /** 59-ФЗ appeals: the longest response deadline, in calendar days. */
  appealDays: z.int().min(1).max(365).default(30),
  /** 59-ФЗ appeals: how many extensions, each of at most `appealExtensionDays`. */
  appealExtensions: z.int().min(0).max(10).default(1),
  appealExtensionDays: z.int().min(1).max(365).default(30),
  /** Ordinary messages: the longest single extension, in calendar days. */
  messageExtensionDays: z.int().min(1).max(365).default(30),
  /** How long the applicant may rate an answer, in calendar days. */
  ratingWindowDays: z.int().min(1).max(365).default(30),
  /** How many times a low rating sends a message to re-review. */
  maxReReviewRounds: z.int().min(0).max(10).default(1),
  /** Scores at or below this send the message to re-review. */
  lowScore: z.int().min(1).max(4).default(2),
  /** Operator-entered messages: working days to carry the answer to the applicant. */
  deliveryWorkingDays: z.int().min(1).max(60).default(3),
});
export type RuleSettings = z.infer<typeof ruleSettingsSchema>;

export const directoryInputSchema = z.object({
  organisations: z.array(organisationSchema),
  users: z.array(userSchema).default([]),
  catalogue: catalogueSchema.default({ categories: [] }),
  /** Production-calendar years to add to (or replace in) the shipped 2020–2027. */
  calendarYears: z.array(calendarYearSchema).default([]),
  settings: ruleSettingsSchema.default(ruleSettingsSchema.parse({})),
  /**
   * Bounding boxes of regions by code, added to (or replacing) the shipped ones (41, 73): a
   * message's point must lie inside its region's box when the directory knows one.
   */
  regionBounds: z.record(z.string().regex(/^\d{2,3}$/), boundingBoxSchema).default({}),
});
export type DirectoryInput = z.input<typeof directoryInputSchema>;

/** Where a subcategory sits in the catalogue. */
export interface SubcategoryEntry {
  categoryId: string;
  subcategory: Subcategory;
  factIds: ReadonlySet<string>;
}

/**
 * The world the rules look things up in: the organisation tree, the users and their roles,
 * and the category catalogue. Pure data with indexed lookups; build it once and reuse it.
 */
export interface Directory {
  readonly organisations: readonly Organisation[];
  readonly users: readonly User[];
  readonly catalogue: Catalogue;
  readonly calendar: ProductionCalendar;
  readonly settings: RuleSettings;
  organisation(id: string): Organisation | undefined;
  /** The IANA zone an organisation counts deadlines in (its own, or its region's). */
  timeZoneOf(orgId: string): string | undefined;
  user(id: string): User | undefined;
  subcategory(id: string): SubcategoryEntry | undefined;
  /** The parent organisation, or `undefined` at the top of the tree. */
  parentOf(orgId: string): Organisation | undefined;
  /** `orgId` itself, then its parent, up to the root. */
  ancestorsOf(orgId: string): Organisation[];
  /** `orgId` itself and every organisation below it. */
  subtreeOf(orgId: string): string[];
  /** Is `orgId` strictly below `ancestorId` in the tree? */
  isBelow(orgId: string, ancestorId: string): boolean;
  /** Is the organisation competent for the subcategory? */
  isCompetent(orgId: string, subcategoryId: string): boolean;
  /** Does the user hold `role` in `orgId`? */
  userHasRole(userId: string, role: Role, orgId: string): boolean;
  /** The region's bounding box, when the directory knows it. */
  regionBounds(regionCode: string): BoundingBox | undefined;
}

/**
 * Validates and indexes the organisation tree, users and catalogue.
 *
 * @throws {z.ZodError} when the data is malformed; {@link Error} when a parent is unknown
 *   or the tree has a cycle.
 * @example
 * const directory = createDirectory({
 *   organisations: [{ id: 'kam', name: 'Правительство Камчатского края', regionCode: '41' }],
 *   users: [{ id: 'u1', roles: [{ role: 'coordinator', orgId: 'kam' }] }],
 *   catalogue: { categories: [] },
 * });
 */
export function createDirectory(input: DirectoryInput): Directory {
  const data = directoryInputSchema.parse(input, russianErrors);
  const calendar = createProductionCalendar(data.calendarYears);
  for (const org of data.organisations) {
    const zone = org.timeZone ?? findRegion(org.regionCode)?.timeZone;
    if (zone === undefined)
      throw new Error(`Организация ${org.id}: неизвестный регион ${org.regionCode}`);
    assertTimeZone(zone);
  }
  const orgs = new Map(data.organisations.map((o) => [o.id, o]));
  const users = new Map(data.users.map((u) => [u.id, u]));
  const subcategories = new Map<string, SubcategoryEntry>();
  for (const category of data.catalogue.categories) {
    for (const subcategory of category.subcategories) {
      subcategories.set(subcategory.id, {
        categoryId: category.id,
        subcategory,
        factIds: new Set(subcategory.facts.map((f) => f.id)),
      });
    }
  }
  const competence = new Map<string, ReadonlySet<string> | null>(
    data.organisations.map((o) => [o.id, o.subcategoryIds ? new Set(o.subcategoryIds) : null]),
  );

  const ancestors = new Map<string, Organisation[]>();
  for (const org of data.organisations) {
    const chain: Organisation[] = [];
    const seen = new Set<string>();
    let current: Organisation | undefined = org;
    while (current) {
      if (seen.has(current.id))
        throw new Error(`Дерево организаций замкнуто в цикл на ${current.id}`);
      seen.add(current.id);
      chain.push(current);
      if (current.parentId === null) break;
      const parent = orgs.get(current.parentId);
      if (!parent)
        throw new Error(`У организации ${current.id} неизвестная вышестоящая ${current.parentId}`);
      current = parent;
    }
    ancestors.set(org.id, chain);
  }

  const children = new Map<string, string[]>();
  for (const org of data.organisations) {
    if (org.parentId === null) continue;
    const list = children.get(org.parentId) ?? [];
    list.push(org.id);
    children.set(org.parentId, list);
  }
  const subtrees = new Map<string, string[]>();
  const subtreeOf = (orgId: string): string[] => {
    const cached = subtrees.get(orgId);
    if (cached) return cached;
    const out: string[] = [];
    const stack = orgs.has(orgId) ? [orgId] : [];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      out.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    subtrees.set(orgId, out);
    return out;
  };

  const bounds = new Map(Object.entries({ ...SHIPPED_REGION_BOUNDS, ...data.regionBounds }));

  return {
    organisations: data.organisations,
    users: data.users,
    catalogue: data.catalogue,
    calendar,
    settings: data.settings,
    organisation: (id) => orgs.get(id),
    timeZoneOf: (orgId) => {
      const org = orgs.get(orgId);
      return org ? (org.timeZone ?? findRegion(org.regionCode)?.timeZone) : undefined;
    },
    user: (id) => users.get(id),
    subcategory: (id) => subcategories.get(id),
    parentOf: (orgId) => {
      const parentId = orgs.get(orgId)?.parentId;
      return parentId ? orgs.get(parentId) : undefined;
    },
    ancestorsOf: (orgId) => ancestors.get(orgId) ?? [],
    subtreeOf,
    isBelow: (orgId, ancestorId) =>
      orgId !== ancestorId && (ancestors.get(orgId) ?? []).some((o) => o.id === ancestorId),
    isCompetent: (orgId, subcategoryId) => {
      if (!orgs.has(orgId)) return false;
      const set = competence.get(orgId);
      return set === null || set === undefined || set.has(subcategoryId);
    },
    userHasRole: (userId, role, orgId) => {
      const user = users.get(userId);
      return user !== undefined && hasRole(user, role, orgId);
    },
    regionBounds: (regionCode) => bounds.get(regionCode),
  };
}
