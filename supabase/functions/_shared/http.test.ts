import { deepStrictEqual, equal } from 'node:assert/strict';
import { dbErrorResponse, malformedTextPath, readJson } from './http.ts';

const post = (body: string, contentType = 'application/json') =>
  new Request('http://x/', { method: 'POST', headers: { 'content-type': contentType }, body });

Deno.test('readJson refuses a lone surrogate in a field and names the field', async () => {
  const read = await readJson(post('{"first_name":"Ana","note":"hi \\ud800 there"}'));
  if (!('error' in read)) throw new Error('expected an error');
  equal(read.error.status, 400);
  const { error } = await read.error.json();
  equal(error.code, 'malformed_unicode');
  equal(error.field, 'note');
  equal(error.message.startsWith('note contains a lone UTF-16 surrogate'), true);
});

Deno.test('readJson accepts a surrogate pair (one character) and other Unicode', async () => {
  const read = await readJson(post('{"first_name":"\\ud83d\\ude00 Zoë 李"}'));
  deepStrictEqual(read, { body: { first_name: '😀 Zoë 李' } });
});

Deno.test('readJson answers 400 for malformed JSON and 415 for another content type', async () => {
  const malformed = await readJson(post('{"first_name":'));
  equal('error' in malformed && malformed.error.status, 400);
  const text = await readJson(post('{}', 'text/plain'));
  equal('error' in text && text.error.status, 415);
});

Deno.test('malformedTextPath finds lone surrogates in nested values, keys and low halves', () => {
  equal(malformedTextPath({ a: [1, 'ok', { b: 'x\udc00' }] }), 'a[2].b');
  equal(malformedTextPath({ ['bad\ud800']: 1 }), '"bad\\ud800"');
  equal(malformedTextPath('\ud800'), '(body)');
  equal(malformedTextPath({ a: null, b: 12, c: true, d: ['\ud83d\ude00'] }), null);
});

Deno.test('malformedTextPath walks a deeply nested value without overflowing the stack', () => {
  const depth = 200_000;
  const deep = JSON.parse(`${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`);
  equal(malformedTextPath(deep)?.length, depth * 3);
});

Deno.test('readJson names a deeply nested field by the start of its path', async () => {
  const read = await readJson(post(`{"a":${'['.repeat(5000)}"\\ud800"${']'.repeat(5000)}}`));
  if (!('error' in read)) throw new Error('expected an error');
  const { error } = await read.error.json();
  equal(error.field, `${`a${'[0]'.repeat(40)}`.slice(0, 120)}…`);
});

Deno.test('dbErrorResponse keeps PostgREST PT4xx statuses and maps unreadable JSON to 422', async () => {
  const notFound = dbErrorResponse({
    code: 'PT404',
    hint: 'unknown_staff',
    message: 'That staff member does not exist.',
  });
  equal(notFound.status, 404);
  equal((await notFound.json()).error.code, 'unknown_staff');
  equal(dbErrorResponse({ code: 'PGRST102', hint: null, message: 'Empty or invalid json' }).status, 422);
  equal(dbErrorResponse({ code: 'P0002', hint: 'unknown_therapist', message: 'No therapist' }).status, 404);
  equal(dbErrorResponse({ code: 'XX000', hint: null, message: 'boom' }).status, 500);
});

Deno.test('dbErrorResponse names the field of a date the database refused as out of range', async () => {
  const response = dbErrorResponse({
    code: '22008',
    hint: 'out_of_range',
    details: 'date_of_birth',
    message: 'date_of_birth must be a date after 1900-01-01 and before today.',
  });
  equal(response.status, 422);
  deepStrictEqual(await response.json(), {
    error: {
      code: 'out_of_range',
      message: 'date_of_birth must be a date after 1900-01-01 and before today.',
      field: 'date_of_birth',
    },
  });
});

Deno.test('dbErrorResponse answers 503 with Retry-After when the database cannot be reached', async () => {
  const unreachable = [
    { status: 0, message: 'TypeError: fetch failed', hint: '' }, // the data API did not answer
    { status: 503, code: 'PGRST001', message: 'Database client error. Retrying the connection.', hint: null },
    { status: 503, message: 'The data API is unavailable right now', hint: null }, // the gateway, PostgREST down
    { status: 502, message: 'bad gateway', hint: null },
    {
      status: 504,
      code: 'PGRST003',
      message: 'Timed out acquiring connection from connection pool.',
      hint: null,
    },
    { code: 'PGRST000', message: 'Could not connect with the database', hint: null },
  ];
  for (const error of unreachable) {
    const response = dbErrorResponse(error);
    equal(response.status, 503, JSON.stringify(error));
    equal(response.headers.get('retry-after'), '5');
    const { error: body } = await response.json();
    equal(body.code, 'service_unavailable');
    equal(/unavailable/.test(body.message) && /nothing was saved/.test(body.message), true);
  }
});

Deno.test(
  'dbErrorResponse keeps other errors as they were: a refusal is a 4xx, an unknown failure a 500',
  () => {
    equal(dbErrorResponse({ status: 400, code: '23514', message: 'check', hint: null }).status, 422);
    equal(dbErrorResponse({ status: 500, code: 'XX000', message: 'boom', hint: null }).status, 500);
    equal(dbErrorResponse({ status: 404, code: 'PGRST202', message: 'no function', hint: null }).status, 500);
  },
);
