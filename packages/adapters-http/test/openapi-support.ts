import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import type { OpenApiDocument } from '../src/index.js';
import { json, world } from './support.js';

/** The app's OpenAPI document, as a client fetches it. */
export const documentOf = async (w = world()) =>
  json<OpenApiDocument>(await w.call('GET', '/openapi.json'));

/** The document's component schemas, compiled by Ajv (JSON Schema 2020-12, with formats). */
export function componentValidators(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://reshaem.test/openapi.json', components: doc.components });
  const validator = (schema: string) => {
    const validate = ajv.getSchema(
      `https://reshaem.test/openapi.json#/components/schemas/${schema}`,
    );
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate;
  };
  /** Asserts that a value is valid against a component schema. */
  const expectValid = (value: unknown, schema: string) => {
    const validate = validator(schema);
    expect(validate(value), `${schema}: ${JSON.stringify(validate.errors)}`).toBe(true);
  };
  /** Asserts that a response body is valid against a component schema. */
  const check = async (res: Response, schema: string) => {
    expectValid(await res.clone().json(), schema);
  };
  return { validator, expectValid, check };
}
