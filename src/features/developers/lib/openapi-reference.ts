/**
 * The payer API reference, read from the generated OpenAPI 3.1 document: the operations, the
 * webhooks, the schemas and an example of each body, as plain data the page's components show.
 * Our own reader rather than a renderer package: the document uses a small part of OpenAPI (no
 * callbacks, no discriminators, no XML), and a page of our own components is accessible, fits a
 * phone and needs no inline styles, where a generic renderer was a megabyte and failed contrast.
 */

/** A JSON Schema as the document writes them (zod's `toJSONSchema` output). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  maxItems?: number;
  minimum?: number;
  maximum?: number;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  webhooks?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface ParameterView {
  name: string;
  location: string;
  required: boolean;
  type: string;
  description: string | null;
}

export interface BodyView {
  mediaType: string;
  type: string;
  /** The schema's name when it is one of the document's schemas. */
  schemaName: string | null;
  example: string;
}

export interface ResponseView {
  status: string;
  description: string;
  body: BodyView | null;
}

export interface OperationView {
  /** The element id of its section, for the contents' links. */
  anchor: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  parameters: ParameterView[];
  requestBody: BodyView | null;
  responses: ResponseView[];
}

export interface PropertyView {
  name: string;
  type: string;
  /** The schema the type names (itself or its items), to link to. */
  schemaName: string | null;
  required: boolean;
  description: string | null;
}

export interface SchemaView {
  anchor: string;
  name: string;
  description: string | null;
  properties: PropertyView[];
  example: string;
}

const refName = (ref: string) => ref.split('/').at(-1) ?? ref;

/** The named schema a value is, or is an array of. */
const namedSchemaOf = (schema: JsonSchema): string | null => {
  const ref = schema.$ref ?? schema.items?.$ref;
  return ref ? refName(ref) : null;
};

export const schemaAnchor = (name: string) => `schema-${name}`;

const anchorOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A short type: `string (uuid)`, `Slot[]`, `"a" | "b"`, `string | null`. */
export function typeLabel(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(' | ');
  if (schema.allOf)
    return schema.allOf
      .map(typeLabel)
      .filter((t) => t !== 'object')
      .join(' & ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const labels = types.map((t) => {
    if (t === 'array') return `${typeLabel(schema.items)}[]`;
    if (t === 'string' && schema.format) return `string (${schema.format})`;
    return t;
  });
  return labels.length > 0 ? labels.join(' | ') : 'object';
}

const exampleStrings: Record<string, string> = {
  uuid: '0b9e0000-0000-4000-8000-0000000000a1',
  'date-time': '2027-05-04T13:00:00Z',
  date: '1990-02-14',
  email: 'member@example.org',
  uri: 'https://example.org/',
};

/** A plausible value for a schema: its const or first enum value, or one made up from its type. */
export function exampleValue(
  schema: JsonSchema | undefined,
  doc: OpenApiDocument,
  seen: readonly string[] = [],
): unknown {
  if (!schema) return null;
  if (schema.$ref) {
    const name = refName(schema.$ref);
    // a schema that holds itself would never end
    if (seen.includes(name)) return {};
    return exampleValue(doc.components?.schemas?.[name], doc, [...seen, name]);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((part) => exampleValue(part, doc, seen) as object));
  if (schema.anyOf) return exampleValue(schema.anyOf[0], doc, seen);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return exampleStrings[schema.format ?? ''] ?? 'string';
    case 'integer':
    case 'number':
      // 1 within the bounds (zod writes the safe-integer limits as bounds of every integer)
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return schema.maxItems === 0 ? [] : [exampleValue(schema.items, doc, seen)];
    default: {
      if (!schema.properties) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([name, property]) => [
          name,
          exampleValue(property, doc, seen),
        ]),
      );
    }
  }
}

function bodyOf(
  content: Record<string, { schema?: JsonSchema }> | undefined,
  doc: OpenApiDocument,
): BodyView | null {
  const [mediaType, entry] = Object.entries(content ?? {})[0] ?? [];
  if (!mediaType) return null;
  const schema = entry?.schema;
  const isJson = mediaType.endsWith('json');
  return {
    mediaType,
    type: typeLabel(schema),
    schemaName: schema?.$ref ? refName(schema.$ref) : null,
    example: isJson ? JSON.stringify(exampleValue(schema, doc), null, 2) : '',
  };
}

function operationView(
  method: string,
  path: string,
  operation: Operation,
  doc: OpenApiDocument,
): OperationView {
  return {
    anchor: anchorOf(operation.operationId ?? `${method}-${path}`),
    method: method.toUpperCase(),
    path,
    summary: operation.summary ?? path,
    description: operation.description ?? null,
    parameters: (operation.parameters ?? []).map((p) => ({
      name: p.name,
      location: p.in,
      required: p.required ?? false,
      type: typeLabel(p.schema),
      description: p.description ?? null,
    })),
    requestBody: bodyOf(operation.requestBody?.content, doc),
    responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({
      status,
      description: response.description ?? '',
      body: bodyOf(response.content, doc),
    })),
  };
}

const operationsIn = (entries: Record<string, Record<string, Operation>>, doc: OpenApiDocument) =>
  Object.entries(entries).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => operationView(method, path, operation, doc)),
  );

/** Every call of the API, in the document's order. */
export const operationsOf = (doc: OpenApiDocument): OperationView[] => operationsIn(doc.paths, doc);

/** Every webhook the API sends; `path` is the event type. */
export const webhooksOf = (doc: OpenApiDocument): OperationView[] => operationsIn(doc.webhooks ?? {}, doc);

/** Every named schema with its properties and an example. */
export function schemasOf(doc: OpenApiDocument): SchemaView[] {
  return Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => ({
    anchor: schemaAnchor(name),
    name,
    description: schema.description ?? null,
    properties: Object.entries(schema.properties ?? {}).map(([property, value]) => ({
      name: property,
      type: typeLabel(value),
      schemaName: namedSchemaOf(value),
      required: schema.required?.includes(property) ?? false,
      description: value.description ?? null,
    })),
    example: JSON.stringify(exampleValue(schema, doc, [name]), null, 2),
  }));
}
