import { createMemoryFileStore } from '@reshaem/core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '../src/index.js';
import { documentOf } from './openapi-support.js';
import { world } from './support.js';

const routesOf = (app: ReturnType<typeof world>['app']) =>
  new Set(
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
  );
const documented = (doc: OpenApiDocument) =>
  new Set(
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );

describe('the OpenAPI document with Open311 mounted', () => {
  it('lists every Open311 route the app serves, under its prefix, and stays valid', async () => {
    const w = world({ open311: { prefix: '/georeport/v2' } });
    const doc = await documentOf(w);
    const open311 = [...documented(doc)].filter((r) => r.includes('/georeport/v2/'));
    expect(open311.sort()).toEqual(
      [
        'GET /georeport/v2/discovery.json',
        'GET /georeport/v2/discovery.xml',
        'GET /georeport/v2/requests.json',
        'GET /georeport/v2/requests.xml',
        'GET /georeport/v2/requests/{file}',
        'GET /georeport/v2/services.json',
        'GET /georeport/v2/services.xml',
        'GET /georeport/v2/services/{file}',
        'GET /georeport/v2/tokens/{file}',
        'POST /georeport/v2/requests.json',
        'POST /georeport/v2/requests.xml',
      ].sort(),
    );
    expect(documented(doc)).toEqual(routesOf(w.app));
    // With a file store, the public photo route as well.
    const withFiles = world({
      open311: { prefix: '/georeport/v2' },
      files: { store: createMemoryFileStore() },
    });
    const all = documented(await documentOf(withFiles));
    expect(all).toContain('GET /georeport/v2/media/{id}/{fileId}');
    expect(all).toEqual(routesOf(withFiles.app));
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
  });

  it('has no Open311 routes without the option', async () => {
    const doc = await documentOf(world());
    expect([...documented(doc)].some((r) => r.includes('open311'))).toBe(false);
  });
});
