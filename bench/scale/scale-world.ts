/**
 * The generated directory: 79 regions, each a government with ten ministries of ten
 * institutions (8,769 organisations, as in the SQL store bench) and a 112 centre, over the
 * demo catalogue. Generated staff ids follow `<org>-c<k>`, `<org>-e<k>`, `<org>-h0`.
 */
import { createDirectory, type OrganisationInput } from '@reshaem/core';
import { demoCatalogue } from '@reshaem/core/testing';
import { regionCodes, organisations as tree } from '../sql/world.js';
import { operatorMarker } from './template-world.js';

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
