/** Writes the generated OpenAPI document (run through `npm run openapi`, which then formats it). */
import { writeFileSync } from 'node:fs';
import { payerOpenApiDocument } from './openapi.ts';

const target = new URL('../../payer-api/openapi.json', import.meta.url);
writeFileSync(target, JSON.stringify(payerOpenApiDocument(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
