import { describe, expect, it } from 'vitest';
import payerApiDocument from '../../../../supabase/functions/payer-api/openapi.json';
import {
  exampleValue,
  operationsOf,
  schemasOf,
  typeLabel,
  webhooksOf,
  type OpenApiDocument,
} from './openapi-reference';

const doc = payerApiDocument as unknown as OpenApiDocument;

describe('the payer API reference, read from the generated document', () => {
  it('lists every call with its parameters and responses', () => {
    const operations = operationsOf(doc);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const create = operations.find((o) => o.path === '/referral-requests' && o.method === 'POST')!;
    expect(create.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', location: 'header', required: true }),
    );
    expect(create.requestBody).toMatchObject({
      schemaName: 'ReferralRequest',
      mediaType: 'application/json',
    });
    expect(create.responses.map((r) => r.status)).toContain('409');
    // anchors are unique, so the contents' links each lead somewhere
    const anchors = [...operations, ...webhooksOf(doc), ...schemasOf(doc)].map((v) => v.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
  });

  it('lists every webhook, with an example body of its own event type', () => {
    const webhooks = webhooksOf(doc);
    expect(webhooks.map((w) => w.path)).toEqual(Object.keys(doc.webhooks!));
    const confirmed = webhooks.find((w) => w.path === 'request.confirmed')!;
    expect(JSON.parse(confirmed.requestBody!.example)).toMatchObject({
      type: 'request.confirmed',
      data: { request_id: expect.any(String) },
    });
    expect(confirmed.parameters.map((p) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
  });

  it('gives each schema its properties, which are required, and an example', () => {
    const slot = schemasOf(doc).find((s) => s.name === 'Slot')!;
    expect(slot.properties).toContainEqual({
      name: 'start',
      type: 'string (date-time)',
      schemaName: null,
      required: true,
      description: null,
    });
    const page = schemasOf(doc).find((s) => s.name === 'TherapistPage')!;
    expect(page.properties.find((p) => p.schemaName === 'Therapist')?.type).toBe('Therapist[]');
    expect(Object.keys(JSON.parse(slot.example))).toEqual(['start', 'end', 'time_zone', 'office_name']);
  });

  it('names types shortly', () => {
    expect(typeLabel({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeLabel({ type: 'array', items: { $ref: '#/components/schemas/Slot' } })).toBe('Slot[]');
    expect(typeLabel({ type: 'string', enum: ['a', 'b'] })).toBe('"a" | "b"');
    expect(typeLabel(undefined)).toBe('any');
  });

  it('makes examples of schemas that refer to themselves without looping', () => {
    const selfish: OpenApiDocument = {
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: { Node: { type: 'object', properties: { next: { $ref: '#/components/schemas/Node' } } } },
      },
    };
    expect(exampleValue({ $ref: '#/components/schemas/Node' }, selfish)).toEqual({ next: {} });
  });
});

describe('example numbers', () => {
  it('are 1 within their bounds, not a bound zod writes for every integer', () => {
    const doc: OpenApiDocument = { info: { title: 't', version: '1' }, paths: {} };
    expect(
      exampleValue({ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 }, doc),
    ).toBe(1);
    expect(exampleValue({ type: 'integer', minimum: 5, maximum: 50 }, doc)).toBe(5);
    expect(exampleValue({ type: 'integer', maximum: 0 }, doc)).toBe(0);
  });
});
