import { z } from 'zod';
import { type Catalogue, catalogueSchema, type Subcategory } from './schemas/catalogue.js';
import { type Organisation, organisationSchema } from './schemas/organisation.js';
import { hasRole, type Role, type User, userSchema } from './schemas/principal.js';

export const directoryInputSchema = z.object({
  organisations: z.array(organisationSchema),
  users: z.array(userSchema).default([]),
  catalogue: catalogueSchema.default({ categories: [] }),
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
  organisation(id: string): Organisation | undefined;
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
  const data = directoryInputSchema.parse(input);
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
      if (seen.has(current.id)) throw new Error(`organisation tree has a cycle at ${current.id}`);
      seen.add(current.id);
      chain.push(current);
      if (current.parentId === null) break;
      const parent = orgs.get(current.parentId);
      if (!parent)
        throw new Error(`organisation ${current.id} has unknown parent ${current.parentId}`);
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

  return {
    organisations: data.organisations,
    users: data.users,
    catalogue: data.catalogue,
    organisation: (id) => orgs.get(id),
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
  };
}
