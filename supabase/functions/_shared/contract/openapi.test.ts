import { deepStrictEqual } from 'node:assert/strict';
import committed from '../../payer-api/openapi.json' with { type: 'json' };
import { payerOpenApiDocument } from './openapi.ts';

Deno.test('the committed OpenAPI document is the one the zod schemas generate (npm run openapi)', () => {
  deepStrictEqual(committed, JSON.parse(JSON.stringify(payerOpenApiDocument())));
});
