import type { Migration } from './migration.js';

/**
 * Two list filters: a message's point on the map (WGS84 degrees), copied from the snapshot with every write so
 * that the list's bounding-box filter is a range condition. Both columns are null for a
 * message without a point, which is every row stored before this step: the snapshots of those
 * have none, so null is exact for them. The partial index serves box queries over the
 * messages that have a point. `is_public` («в открытом доступе», what the Open311 reads
 * list) is filled from each stored snapshot.
 */
export const messageLocation: Migration = {
  version: 11,
  name: '011-message-location',
  statements: [
    'ALTER TABLE messages ADD COLUMN location_lat double precision',
    'ALTER TABLE messages ADD COLUMN location_lon double precision',
    'CREATE INDEX messages_location ON messages (location_lon, location_lat) WHERE location_lat IS NOT NULL',
    'ALTER TABLE messages ADD COLUMN is_public boolean NOT NULL DEFAULT false',
    "UPDATE messages SET is_public = true WHERE (snapshot -> 'context' ->> 'isPublic') = 'true'",
    'CREATE INDEX messages_public ON messages (created_at, id) WHERE is_public',
  ],
};
