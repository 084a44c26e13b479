import { describe, expect, it } from 'vitest';
import type { SubmitEventInput } from '../../src/index.js';
import { operatorSubmit, potholeSubmit } from '../helpers.js';
import { type MakeStore, refusedWith, storeOptions, written } from './setup.js';

/** A submit that leaves its number to the store. */
function unnumbered(event: SubmitEventInput): Omit<SubmitEventInput, 'number'> {
  const { number: _number, ...rest } = event;
  return rest;
}

const numberOf = (result: Parameters<typeof written>[0]) =>
  written(result).message.snapshot.context.number;

export function describeNumbers(makeStore: MakeStore) {
  describe('message numbers', () => {
    it('number each region from its own counter as <region>-<YYMMDD>-<seq>', async () => {
      const store = await makeStore(storeOptions());
      const kam = (id: string) => unnumbered(potholeSubmit({ messageId: id }));
      const uly = (id: string) => unnumbered(operatorSubmit({ messageId: id }));
      expect(numberOf(await store.submit(kam('k-1')))).toBe('41-250115-0001');
      expect(numberOf(await store.submit(uly('u-1')))).toBe('73-250115-0001');
      expect(numberOf(await store.submit(kam('k-2')))).toBe('41-250115-0002');
      expect(numberOf(await store.submit(uly('u-2')))).toBe('73-250115-0002');
      expect((await store.get('k-2'))?.snapshot.context.number).toBe('41-250115-0002');
    });

    it('date a number in the region’s local time', async () => {
      const store = await makeStore(storeOptions());
      // 23:30 UTC on 14 January is 11:30 on the 15th in Kamchatka (UTC+12)…
      const late = unnumbered(potholeSubmit({ at: '2025-01-14T23:30:00.000Z' }));
      expect(numberOf(await store.submit(late))).toBe('41-250115-0001');
      // …and 23:30 on the 14th in Ulyanovsk (UTC+4) at 19:30 UTC.
      const evening = unnumbered(operatorSubmit({ at: '2025-01-14T19:30:00.000Z' }));
      expect(numberOf(await store.submit(evening))).toBe('73-250114-0001');
    });

    it('replay the first number for a repeated key, taking no new one', async () => {
      const store = await makeStore(storeOptions());
      const event = unnumbered(potholeSubmit());
      const first = numberOf(await store.submit(event, { idempotencyKey: 'k-1' }));
      const again = await store.submit(event, { idempotencyKey: 'k-1' });
      expect(written(again).replayed).toBe(true);
      expect(numberOf(again)).toBe(first);
      expect(numberOf(await store.submit(unnumbered(potholeSubmit({ messageId: 'm-2' }))))).toBe(
        '41-250115-0002',
      );
    });

    it('take no number for a refused submit or a message that exists', async () => {
      const store = await makeStore(storeOptions());
      refusedWith(await store.submit(unnumbered(potholeSubmit({ text: '' }))), 'invalid_payload');
      expect(numberOf(await store.submit(unnumbered(potholeSubmit())))).toBe('41-250115-0001');
      refusedWith(await store.submit(unnumbered(potholeSubmit())), 'already_exists');
      expect(numberOf(await store.submit(unnumbered(potholeSubmit({ messageId: 'm-2' }))))).toBe(
        '41-250115-0002',
      );
    });

    it('keep a number the submit names', async () => {
      const store = await makeStore(storeOptions());
      expect(numberOf(await store.submit(potholeSubmit({ number: 'EXT-7' })))).toBe('EXT-7');
    });
  });
}
