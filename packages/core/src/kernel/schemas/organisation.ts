import { z } from 'zod';
import { idSchema, storableString } from './primitives.js';

/** A subject of the Russian Federation by its two-digit code (`41` Камчатский край, `73` Ульяновская область). */
export const regionCodeSchema = storableString().regex(/^\d{2,3}$/, 'a region code such as "41"');
export type RegionCode = z.infer<typeof regionCodeSchema>;

/**
 * An organisation (ЛКО). Organisations form a tree through `parentId`
 * («Родительский ЛКО»).
 */
export const organisationSchema = z.object({
  id: idSchema,
  name: storableString().min(1).max(500),
  parentId: idSchema.nullable().default(null),
  regionCode: regionCodeSchema,
  /**
   * Subcategories this organisation is competent for. Absent means competent for every
   * subcategory (small set-ups that do not model competence).
   */
  subcategoryIds: z.array(idSchema).optional(),
  /**
   * The IANA time zone deadlines are counted in. Defaults to the region's zone; set it for
   * regions with several zones (Якутия, for one).
   */
  timeZone: storableString().min(1).optional(),
  /** The region's coordinating organisation, the operator's fallback choice. */
  coordinatesRegion: z.boolean().default(false),
  /** For an operator organisation: the marker every operator-entered text begins with. */
  operatorMarker: storableString().min(1).optional(),
  /**
   * The workflow the organisation works in: `pos` (an authority or operator centre that
   * receives ПОС messages) or `onf` (a РИК ОНФ, the headquarters, a volunteers' НКО that works
   * ОНФ cards). Roles of both workflows share names (curator, executor), so only `onf`
   * organisations give card permissions. Absent: inferred — an organisation that coordinates a
   * region, has an operator marker or lists a subcategory is `pos`, any other `onf` (an
   * ОНФ-only directory needs none). Set it in a directory of both workflows on every
   * organisation without a subcategory list.
   */
  workflow: z.enum(['pos', 'onf']).optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationSchema>;
