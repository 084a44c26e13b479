/**
 * The generated directory: 79 regions, each a government with ten ministries of
 * `SCALE_INSTITUTIONS` institutions (10 by default: 8,769 organisations, as in the SQL store
 * bench; 230 gives the country's 182,000) and a 112 centre, over the demo catalogue.
 * Generated staff ids follow `<org>-c<k>`, `<org>-e<k>`, `<org>-h0`.
 */
import { createDirectory, type OrganisationInput } from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';
import { knob, regionCodes } from '../sql/world.js';
import { operatorMarker } from './template-world.js';

/** Institutions per ministry; the fill spreads each region's messages over them. */
export const INSTITUTIONS = Number(knob('SCALE_INSTITUTIONS') ?? 10);

const tree: OrganisationInput[] = regionCodes.flatMap((rc) => [
  { id: `r${rc}`, name: `Правительство региона ${rc}`, regionCode: rc, coordinatesRegion: true },
  ...Array.from({ length: 10 }, (_, m) => [
    {
      id: `r${rc}-m${m}`,
      name: `Министерство ${m} региона ${rc}`,
      parentId: `r${rc}`,
      regionCode: rc,
    },
    ...Array.from({ length: INSTITUTIONS }, (_, s) => ({
      id: `r${rc}-m${m}-s${s}`,
      name: `Учреждение ${s} министерства ${m} региона ${rc}`,
      parentId: `r${rc}-m${m}`,
      regionCode: rc,
    })),
  ]).flat(),
]);
const centres: OrganisationInput[] = regionCodes.map((rc) => ({
  id: `r${rc}-ops`,
  name: `${operatorMarker} региона ${rc}`,
  regionCode: rc,
  subcategoryIds: [],
  operatorMarker,
}));

export const scaleOrganisations = [...tree, ...centres];
export const scaleDirectory = createDirectory({
  organisations: scaleOrganisations,
  users: [],
  catalogue: demoCatalogue,
});
export { regionCodes };
