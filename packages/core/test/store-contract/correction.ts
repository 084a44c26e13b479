import { describe, expect, it } from 'vitest';
import { potholeSubmit, users } from '../helpers.js';
import { type MakeStore, sendSteps, storeOptions, written } from './setup.js';

/**
 * The moderator's correction goes through the normal write path: the corrected message, its
 * history line with the old and new topic, and the acceptance notifying the new recipient.
 */
export function describeCorrection(makeStore: MakeStore) {
  describe('moderation.correct', () => {
    it('stores the corrected topic and its history line; acceptance notifies the new recipient', async () => {
      const store = await makeStore(storeOptions());
      written(await store.submit(potholeSubmit()));
      const last = await sendSteps(
        store,
        'm-1',
        [
          {
            type: 'moderation.correct',
            by: users.moderator,
            orgId: 'kam-gov',
            subcategoryId: 'road-repair',
          },
          { type: 'moderation.accept', by: users.moderator },
        ],
        1,
      );
      expect(last?.message).toMatchObject({ version: 3, status: 'coordination' });
      const stored = await store.get('m-1');
      expect(stored?.snapshot.context).toMatchObject({
        receivedOrgId: 'kam-gov',
        holdingOrgId: 'kam-gov',
        subcategoryId: 'road-repair',
        factId: null,
      });
      const history = await store.history('m-1');
      expect(history.map((h) => h.type)).toEqual([
        'submit',
        'moderation.correct',
        'moderation.accept',
      ]);
      expect(history[1]).toMatchObject({
        version: 2,
        fromStatus: 'moderation',
        toStatus: 'moderation',
        holdingOrgId: 'kam-gov',
        payload: {
          from: { orgId: 'kam-roads', subcategoryId: 'potholes', factId: 'pothole-street' },
          to: { orgId: 'kam-gov', subcategoryId: 'road-repair', factId: null },
        },
      });
      const outbox = await store.messageOutbox('m-1');
      expect(outbox.map((o) => o.effect)).toContainEqual(
        expect.objectContaining({
          reason: 'message_received',
          to: { kind: 'organisation', orgId: 'kam-gov' },
        }),
      );
    });
  });
}
