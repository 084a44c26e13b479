import { z } from 'zod';
import { idSchema, storableString } from './primitives.js';

/** Every role of SPEC §2 and §9. `system` is timers and autorules, never a person. */
export const roleSchema = z.enum([
  'applicant',
  'operator',
  'moderator',
  'coordinator',
  'executor',
  'head',
  'curator',
  'admin',
  'system',
  /** ОНФ: assigns executors to cards of a region (SPEC §9). */
  'supervisor',
  /** ОНФ: technical support, corrects a card's fields on request (SPEC §9). */
  'support',
]);
export type Role = z.infer<typeof roleSchema>;
export const roles = roleSchema.options;

/**
 * One role held within one organisation. Roles without an organisation (`applicant`,
 * `system`, a platform-wide `moderator` or `operator`) leave `orgId` out.
 */
export const roleGrantSchema = z.object({
  role: roleSchema,
  orgId: idSchema.optional(),
});
export type RoleGrant = z.infer<typeof roleGrantSchema>;

/** Who sends an event: an authenticated user with their roles, or the system. */
export const principalSchema = z.object({
  id: idSchema,
  name: storableString().max(300).optional(),
  roles: z.array(roleGrantSchema).max(100),
});
export type Principal = z.infer<typeof principalSchema>;

/** The principal that timers and autorules act as. */
export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  name: 'Система',
  roles: Object.freeze([{ role: 'system' }]) as RoleGrant[],
}) as Principal;

/** A user known to the directory: whom a coordinator may assign, whom a head is. */
export const userSchema = principalSchema.extend({
  email: z.email().optional(),
});
export type User = z.infer<typeof userSchema>;

/** Does the principal hold `role`, in `orgId` when one is given? */
export function hasRole(principal: Principal, role: Role, orgId?: string): boolean {
  for (const grant of principal.roles) {
    if (grant.role === role && (orgId === undefined || grant.orgId === orgId)) return true;
  }
  return false;
}
