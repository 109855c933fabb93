import { deepStrictEqual, equal } from 'node:assert/strict';
import { decodeCursor, encodeCursor, parseDirectoryQuery, parseSlotRange } from './directory.ts';

const id = '3f2b8a1e-7c4d-4e5f-9a6b-1c2d3e4f5a6b';
const base64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

async function problem(result: object): Promise<{ status: number; field: string; message: string }> {
  if (!('error' in result)) throw new Error('expected an error');
  const response = result.error as Response;
  const { error } = await response.json();
  return { status: response.status, field: error.field, message: error.message };
}

Deno.test('a cursor round-trips, names with any well-formed Unicode included', () => {
  deepStrictEqual(
    decodeCursor(encodeCursor({ last_name: 'Nguyễn 😀', first_name: 'Zoë', therapist_id: id })),
    { lastName: 'Nguyễn 😀', firstName: 'Zoë', id },
  );
});

Deno.test(
  'a cursor carrying a lone surrogate, NUL, bytes that are not UTF-8 or the wrong shape is refused',
  () => {
    equal(decodeCursor(base64url(`["\\ud800","Ana","${id}"]`)), null);
    equal(decodeCursor(base64url(`["Lee","\\udfff","${id}"]`)), null);
    equal(decodeCursor(base64url(`["Lee\\u0000","Ana","${id}"]`)), null);
    equal(decodeCursor(btoa('["\xff\xfe","Ana","' + id + '"]')), null);
    equal(decodeCursor(base64url(`{"0":"Lee","1":"Ana","2":"${id}"}`)), null);
    equal(decodeCursor(base64url(`["Lee","Ana","${id}","extra"]`)), null);
    equal(decodeCursor(base64url('[1e400,null,[]]')), null);
  },
);

Deno.test('the directory query answers 400 naming the cursor that carries a lone surrogate', async () => {
  const result = parseDirectoryQuery(new URLSearchParams({ cursor: base64url(`["\\ud800","Ana","${id}"]`) }));
  deepStrictEqual(await problem(result), {
    status: 400,
    field: 'cursor',
    message: 'Query parameter cursor is not a cursor this API gave out.',
  });
});

Deno.test('a query parameter holding a control character is refused by name', async () => {
  deepStrictEqual(await problem(parseDirectoryQuery(new URLSearchParams({ city: 'Bos\u0000ton' }))), {
    status: 400,
    field: 'city',
    message: 'Query parameter city contains characters that are not allowed.',
  });
  equal(
    (
      await problem(
        parseSlotRange(
          new URLSearchParams({ from: '2027-01-01T00:00:00Z', to: '2027-01-02T00:00:00Z', '\u0001': 'x' }),
        ),
      )
    ).status,
    400,
  );
});

Deno.test('a limit that is not a whole number from 1 to 50 says so', async () => {
  for (const limit of ['0', '51', '1e400', '99999999999999999999', '2.5', 'ten', '']) {
    deepStrictEqual(await problem(parseDirectoryQuery(new URLSearchParams({ limit }))), {
      status: 400,
      field: 'limit',
      message: 'Query parameter limit must be a whole number from 1 to 50.',
    });
  }
});

Deno.test(
  'a slot range outside the years 2000–2199 or with an offset Postgres refuses is a 400 naming the parameter',
  async () => {
    for (const [from, to, field] of [
      ['0000-01-01T00:00:00Z', '0000-01-02T00:00:00Z', 'from'],
      ['2027-01-01T00:00:00Z', '2027-01-02T00:00:00+23:59', 'to'],
      ['2199-12-31T00:00:00Z', '2200-01-01T00:00:00Z', 'to'],
    ]) {
      const result = await problem(parseSlotRange(new URLSearchParams({ from: from!, to: to! })));
      equal(result.status, 400);
      equal(result.field, field);
      equal(
        result.message,
        `Query parameter ${field} must be an ISO 8601 date-time in the years 2000 to 2199 with a UTC offset of at most 15:59.`,
      );
    }
    deepStrictEqual(
      parseSlotRange(
        new URLSearchParams({ from: '2027-01-01T00:00:00+14:00', to: '2027-01-02T00:00:00-12:00' }),
      ),
      {
        from: '2026-12-31T10:00:00.000Z',
        to: '2027-01-02T12:00:00.000Z',
      },
    );
  },
);
