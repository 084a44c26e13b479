import { describe, expect, it } from 'vitest';
import { createDirectory, messageSchema, startMessage, viewFor } from '../../src/index.js';
import { demoDirectoryInput } from '../../src/testing/index.js';
import { directory, operatorSubmit, potholeSubmit, start } from '../helpers.js';

const refusal = (input: Parameters<typeof startMessage>[0], dir = directory) => {
  const result = startMessage(input, dir);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

describe('a point on a message', () => {
  it('keeps the point of a submission inside the region', () => {
    const location = { lat: 53.0245, lon: 158.6433 };
    expect(start(potholeSubmit({ location })).context.location).toEqual(location);
    expect(start(potholeSubmit()).context.location).toBeNull();
  });

  it('refuses a point outside the region, naming the region', () => {
    const error = refusal(potholeSubmit({ location: { lat: 54.3142, lon: 48.4031 } }));
    expect(error.kind).toBe('invalid_payload');
    expect(error.kind === 'invalid_payload' && error.issues[0]?.path).toEqual(['location']);
    expect(error.message).toContain('Камчатский край (41)');
    const uly = refusal(operatorSubmit({ location: { lat: 53.0245, lon: 158.6433 } }));
    expect(uly.message).toContain('Ульяновская область (73)');
  });

  it('refuses numbers out of range or not finite', () => {
    for (const location of [
      { lat: 91, lon: 158 },
      { lat: 53, lon: 181 },
      { lat: Number.NaN, lon: 158 },
      { lat: 53, lon: Number.POSITIVE_INFINITY },
      { lat: '53', lon: 158 },
    ]) {
      const error = refusal(potholeSubmit({ location: location as { lat: number; lon: number } }));
      expect(error.kind, JSON.stringify(location)).toBe('invalid_payload');
    }
  });

  it('takes any point in range where the directory knows no box, and a box the portal adds', () => {
    const anywhere = { lat: 10, lon: 10 };
    const input = potholeSubmit({ location: anywhere });
    const noKamchatka = createDirectory({
      ...demoDirectoryInput,
      regionBounds: { '41': { minLon: 0, minLat: 0, maxLon: 20, maxLat: 20 } },
    });
    expect(startMessage(input, noKamchatka).ok).toBe(true);
    expect(directory.regionBounds('77')).toBeUndefined();
    expect(() =>
      createDirectory({
        ...demoDirectoryInput,
        regionBounds: { '41': { minLon: 20, minLat: 0, maxLon: 0, maxLat: 20 } },
      }),
    ).toThrow();
  });

  it('reads a message stored before points as having none', () => {
    const { location: _, ...old } = start(potholeSubmit()).context;
    expect(messageSchema.parse(old).location).toBeNull();
  });

  it('shows the point to whoever sees the address, the public included', () => {
    const location = { lat: 53.0245, lon: 158.6433 };
    const message = start(potholeSubmit({ location, isPublic: true })).context;
    const shown = viewFor({ kinds: ['public'], userId: null }, message);
    expect(shown.location).toEqual(location);
    expect(shown.problemAddress).toBe(message.problemAddress);
  });
});
