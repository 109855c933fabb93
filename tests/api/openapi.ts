/** Validates real payer-API responses against the OpenAPI 3.1 document in the repo. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

const doc = JSON.parse(
  readFileSync(new URL('../../supabase/functions/payer-api/openapi.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: 'openapi', components: doc.components });

type Method = 'get' | 'post';

/** Checks status and body against the documented response of `path` (as written in the doc). */
export function expectDocumented(path: string, method: Method, status: number, body: unknown): void {
  const response = doc.paths[path]?.[method]?.responses?.[String(status)];
  expect(response, `${method.toUpperCase()} ${path} does not document status ${status}`).toBeDefined();
  const schema = response.content?.['application/json']?.schema;
  if (!schema) return;
  const ref = (schema.$ref as string).replace('#/components', 'openapi#/components');
  const validate = ajv.getSchema(ref)!;
  expect(
    validate(body),
    `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}
