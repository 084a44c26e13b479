/**
 * Generates TypeScript types for a client from the app's OpenAPI document with
 * openapi-typescript, the way a portal would (`npm run generate:client`). The test suite
 * runs it into test/generated/ (not committed), type-checks a client built on the types
 * with openapi-fetch, and runs that client against the app.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../src/index.js';

export const GENERATED = new URL('../test/generated/openapi.ts', import.meta.url);

export async function generateClientTypes(): Promise<string> {
  const doc = buildOpenApiDocument();
  // Fields with a default are optional in what clients send (defaultNonNullable: false).
  const ast = await openapiTS(doc as never, { alphabetize: true, defaultNonNullable: false });
  return `// Generated from the OpenAPI document by openapi-typescript. Do not edit.\n${astToString(ast)}`;
}

export async function writeClientTypes(): Promise<URL> {
  await mkdir(new URL('.', GENERATED), { recursive: true });
  await writeFile(GENERATED, await generateClientTypes());
  return GENERATED;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`wrote ${(await writeClientTypes()).pathname}`);
}
