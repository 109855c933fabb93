/**
 * Builds the payer API's OpenAPI 3.1 document from the zod schemas the functions validate and
 * answer with (zod's own JSON Schema output), so it is never written by hand. `npm run openapi`
 * writes it to supabase/functions/payer-api/openapi.json; a test fails when that file differs.
 */
import { z } from 'zod';
import { directoryQuerySchema, slotRangeSchema } from '../directory.ts';
import { payerReferralRequestSchema } from '../referral-request.ts';
import {
  bulkPublishManifestSchema,
  errorSchema,
  requestDetailSchema,
  requestStatusSchema,
  slotListSchema,
  slotSchema,
  therapistPageSchema,
  therapistSchema,
} from './payer-api.ts';
import {
  deliveryLogQuerySchema,
  replayAcceptedSchema,
  webhookDeliveryListSchema,
  webhookEndpointListSchema,
} from './payer-webhook-log.ts';
import {
  webhookEventDescriptions,
  webhookEventSchema,
  webhookEventTypes,
  webhookHeaders,
  webhookRequestDataSchema,
} from './webhook-events.ts';

type Json = Record<string, unknown>;

const components = {
  Error: errorSchema,
  Slot: slotSchema,
  SlotList: slotListSchema,
  Therapist: therapistSchema,
  TherapistPage: therapistPageSchema,
  ReferralRequest: payerReferralRequestSchema,
  RequestStatus: requestStatusSchema,
  RequestDetail: requestDetailSchema,
  BulkPublishManifest: bulkPublishManifestSchema,
  WebhookEvent: webhookEventSchema,
  WebhookRequestData: webhookRequestDataSchema,
  WebhookEndpointList: webhookEndpointListSchema,
  WebhookDeliveryList: webhookDeliveryListSchema,
  ReplayAccepted: replayAcceptedSchema,
} satisfies Record<string, z.ZodType>;

/** JSON Schema of every component, each nested component a $ref (zod's registry output). */
function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    // what a caller sends is the input of the request schema; what we answer is its output
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _, $id: __, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

/** Query parameters from a zod object: name, whether required, its schema and description. */
function queryParameters(schema: z.ZodObject, required: boolean): Json[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const {
      $schema: _,
      description,
      ...json
    } = z.toJSONSchema(field as z.ZodType, {
      io: 'input',
      unrepresentable: 'any',
    }) as Json;
    return {
      name,
      in: 'query',
      required,
      ...(description ? { description } : {}),
      schema: json,
    };
  });
}

const ref = (id: keyof typeof components) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (description: string, id: keyof typeof components, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref(id) } },
});
const problem = (description: string) => jsonBody(description, 'Error');
const authProblems = {
  '401': problem('Missing, wrong or revoked API key.'),
  '429': problem('Rate limit reached; see Retry-After.'),
};
authProblems['429'] = {
  ...authProblems['429'],
  ...{ headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } } },
};
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const feedQuery = [
  {
    name: '_since',
    in: 'query',
    required: false,
    description: 'Only resources changed at or after this instant (ISO 8601 with a time zone).',
    schema: { type: 'string', format: 'date-time' },
  },
];

function paths(): Json {
  return {
    '/therapists': {
      get: {
        operationId: 'listTherapists',
        summary: 'Therapists who accept this payer, with their next open slots.',
        parameters: queryParameters(directoryQuerySchema, false),
        responses: {
          '200': jsonBody('A page of therapists.', 'TherapistPage'),
          '400': problem(
            'A query parameter is not valid (unknown, out of range, a cursor this API did not give out, or holding control characters); `field` names it.',
          ),
          ...authProblems,
        },
      },
    },
    '/therapists/{id}/slots': {
      get: {
        operationId: 'listSlots',
        summary: 'Open external slots of one therapist.',
        parameters: [idParameter, ...queryParameters(slotRangeSchema, true)],
        responses: {
          '200': jsonBody('Open slots, earliest first.', 'SlotList'),
          '400': problem('from/to missing or not valid.'),
          '404': problem('No such therapist for this payer.'),
          ...authProblems,
        },
      },
    },
    '/referral-requests': {
      post: {
        operationId: 'createReferralRequest',
        summary: 'Request an appointment in an open slot for a member.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: true,
            description:
              'Retrying with the same key and body returns the first response; a different body is refused. Webhooks carry it as `reference`.',
            schema: { type: 'string', minLength: 1, maxLength: 255 },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ReferralRequest') } } },
        responses: {
          '201': jsonBody('Created (or replayed: header Idempotent-Replayed: true).', 'RequestStatus'),
          '400': problem(
            'Malformed JSON, text that is not well-formed Unicode (a lone UTF-16 surrogate; `field` names it), or no Idempotency-Key.',
          ),
          '404': problem('No such therapist for this payer.'),
          '409': problem('The slot is not open any more.'),
          '413': problem('Body too large.'),
          '415': problem('Not JSON.'),
          '422': problem(
            'A field is not valid, the slot is in the past, the therapist does not see clients of the member’s age (`outside_ages_served`, field `date_of_birth`: the message names the ages served), or the Idempotency-Key was used with another body.',
          ),
          ...authProblems,
        },
      },
    },
    '/referral-requests/{id}': {
      get: {
        operationId: 'getReferralRequest',
        summary: 'The status of one of your requests.',
        parameters: [idParameter],
        responses: {
          '200': jsonBody('The request.', 'RequestDetail'),
          '404': problem('No such request made with your key.'),
          ...authProblems,
        },
      },
    },
    '/$bulk-publish': {
      get: {
        operationId: 'bulkPublish',
        summary: 'The FHIR slot feed (SMART Scheduling Links): a manifest of NDJSON files.',
        description:
          'Location, PractitionerRole (with the Da Vinci Plan-Net newpatients extension), Schedule (actor: the PractitionerRole) and Slot (free or busy for the next 60 days; free slots carry a booking-deep-link extension to the clinic request page, to which you may append `source` and `booking-referral`). Only therapists who accept your members. Slot is listed as several files (`part` of `parts`, one per 250 therapists) that you may fetch side by side; together they are the whole Slot file. Cacheable for five minutes.',
        parameters: [
          {
            name: '_type',
            in: 'query',
            required: false,
            description: 'Comma-separated resource types to list (default: all four).',
            schema: { type: 'string', examples: ['Schedule,Slot'] },
          },
          ...feedQuery,
        ],
        responses: {
          '200': jsonBody('The manifest.', 'BulkPublishManifest'),
          '400': problem('An unknown _type or a malformed _since; `field` names it.'),
          ...authProblems,
        },
      },
    },
    '/fhir/{type}.ndjson': {
      get: {
        operationId: 'bulkPublishFile',
        summary: 'One file of the FHIR slot feed, streamed.',
        parameters: [
          {
            name: 'type',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ['Location', 'PractitionerRole', 'Schedule', 'Slot'] },
          },
          ...feedQuery,
          {
            name: 'part',
            in: 'query',
            required: false,
            description:
              'Slot only, with `parts`: which share of the therapists this file holds (0 to parts − 1), as the manifest lists it. Without both, the whole Slot file.',
            schema: { type: 'integer', minimum: 0, maximum: 63 },
          },
          {
            name: 'parts',
            in: 'query',
            required: false,
            description: 'Slot only, with `part`: how many files the Slot file is split into.',
            schema: { type: 'integer', minimum: 1, maximum: 64 },
          },
        ],
        responses: {
          '200': {
            description: 'One FHIR R4 resource per line.',
            content: { 'application/fhir+ndjson': { schema: { type: 'string' } } },
          },
          '400': problem('A malformed _since or part; `field` names it.'),
          '404': problem('No such file.'),
          ...authProblems,
        },
      },
    },
    '/webhook-endpoints': {
      get: {
        operationId: 'listWebhookEndpoints',
        summary: 'Your webhook endpoints (never their secrets).',
        responses: {
          '200': jsonBody('Your endpoints.', 'WebhookEndpointList'),
          ...authProblems,
        },
      },
    },
    '/webhook-endpoints/{id}/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary: "One endpoint's delivery log: every attempt with its answer and latency.",
        parameters: [idParameter, ...queryParameters(deliveryLogQuerySchema, false)],
        responses: {
          '200': jsonBody('Deliveries, newest first.', 'WebhookDeliveryList'),
          '400': problem('An unknown query parameter or a limit outside 1–200; `field` names it.'),
          '404': problem('No endpoint with this id is yours.'),
          ...authProblems,
        },
      },
    },
    '/webhook-deliveries/{id}/replay': {
      post: {
        operationId: 'replayWebhookDelivery',
        summary: 'Send a delivery again: the same event id, a fresh 72-hour retry window.',
        responses: {
          '202': jsonBody('Queued.', 'ReplayAccepted'),
          '404': problem('No delivery with this id is yours.'),
          '409': problem('The endpoint of this delivery is disabled; ask us to enable it, then replay.'),
          ...authProblems,
        },
        parameters: [idParameter],
      },
    },
  };
}

function webhooks(): Json {
  const headers = Object.entries(webhookHeaders).map(([name, description]) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  }));
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `webhook_${type.replace('.', '_')}`,
          summary: type,
          description: `${webhookEventDescriptions[type]} Signed per Standard Webhooks; verify before trusting it.`,
          parameters: headers,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { allOf: [ref('WebhookEvent'), { properties: { type: { const: type } } }] },
              },
            },
          },
          responses: {
            '2XX': { description: 'Delivered: never sent again.' },
            '410': { description: 'Gone: the endpoint is disabled at once.' },
            default: {
              description: 'Any other answer, or none within 15 s: retried with backoff for 72 hours.',
            },
          },
        },
      },
    ]),
  );
}

/** The whole document. */
export function payerOpenApiDocument(): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Client Referral Program — Payer API',
      version: '1.0.0',
      description:
        'Directory of therapists who accept your members, their open appointment times (also as a FHIR slot feed), appointment requests on behalf of your members, and signed webhooks when a request changes. Clinics confirm or decline each request within 48 hours.',
    },
    servers: [
      {
        url: 'https://{project}.supabase.co/functions/v1/payer-api',
        variables: { project: { default: 'project-ref' } },
      },
    ],
    security: [{ payerKey: [] }],
    paths: paths(),
    webhooks: webhooks(),
    components: {
      securitySchemes: {
        payerKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'Your payer API key (crp_…). Keys are shown once, stored hashed, and can be revoked.',
        },
      },
      schemas: componentSchemas(),
    },
  };
}
