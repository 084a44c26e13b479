import { findRegion } from '../kernel/deadlines/regions.js';
import { invalidField, type WorkflowError } from '../kernel/errors.js';
import { containsPoint } from '../kernel/geo/geo-point.js';
import type { Directory } from '../kernel/notifications/directory.js';
import type { Organisation } from '../kernel/schemas/organisation.js';
import type { Principal } from '../kernel/schemas/principal.js';
import { namedRefusal } from './refusal-text.js';
import type { SubmitEvent } from './schemas/events.js';

/** A point outside its region's bounding box (when the directory knows the box), named. */
export function pointOutsideRegion(
  event: SubmitEvent,
  directory: Directory,
): WorkflowError | undefined {
  const { location, regionCode } = event;
  const box = location === null ? undefined : directory.regionBounds(regionCode);
  if (location === null || box === undefined || containsPoint(box, location)) return undefined;
  const name = findRegion(regionCode)?.name ?? `регион ${regionCode}`;
  return invalidField(
    ['location'],
    `точка ${location.lat}, ${location.lon} лежит за пределами: ${name} (${regionCode})`,
  );
}

/**
 * An operator routes only to organisations of their own region: the regions of the
 * organisations they are an operator in (the Ulyanovsk 112 centre sends to Ulyanovsk
 * organisations, never to a Kamchatka ministry). An operator without an organisation
 * (platform-wide) is not limited. `null` when the organisation is within reach.
 */
export function operatorRegionRefusal(
  by: Principal,
  org: Organisation,
  directory: Directory,
): WorkflowError | null {
  const regions = new Set(
    by.roles.flatMap((g) =>
      g.role === 'operator' && g.orgId !== undefined
        ? [directory.organisation(g.orgId)?.regionCode]
        : [],
    ),
  );
  if (regions.size === 0 || regions.has(org.regionCode)) return null;
  return namedRefusal(
    {
      kind: 'forbidden',
      eventType: 'submit',
      principalId: by.id,
      rule: 'operator_region',
      orgId: org.id,
    },
    directory,
  );
}
