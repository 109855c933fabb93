import { deepStrictEqual, equal } from 'node:assert/strict';
import { slotLines, type SlotSource } from './slot-lines.ts';

const epoch = (iso: string) => Date.parse(iso) / 1000;
const therapist = '0b9e0000-0000-4000-8000-000000000001';
const source = (overrides: Partial<SlotSource>): SlotSource => ({
  therapist,
  slug: 'back-bay',
  session_seconds: 3600,
  occurrences: [],
  busy: [],
  ...overrides,
});
const parsed = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

Deno.test('a free session is one minified Slot line with its times and the booking deep link', () => {
  const text = slotLines(
    source({ occurrences: [[epoch('2027-05-04T13:00:00Z'), 1, -14400]] }),
    'https://app.example.org/',
  );
  equal(
    text,
    `{"resourceType":"Slot","id":"${therapist}-${epoch('2027-05-04T13:00:00Z')}",` +
      `"schedule":{"reference":"Schedule/${therapist}"},"status":"free",` +
      `"start":"2027-05-04T09:00:00-04:00","end":"2027-05-04T10:00:00-04:00",` +
      `"extension":[{"url":"http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link",` +
      `"valueUrl":"https://app.example.org/request/back-bay?therapist=${therapist}&slot=2027-05-04T13:00:00Z"}]}\n`,
  );
  // minified: what JSON.stringify writes, no spaces
  const [line] = text.split('\n');
  equal(JSON.stringify(JSON.parse(line!)), line);
});

Deno.test(
  'sessions follow one another through an occurrence; one overlapping held time is busy, without a link',
  () => {
    const first = epoch('2027-05-04T13:00:00Z');
    const slots = parsed(
      slotLines(
        source({
          occurrences: [
            [first, 3, -14400],
            [first + 86_400, 1, -14400],
          ],
          // half of the second session, and a held time that ends as the next day's session starts
          busy: [
            [first + 5400, first + 6000],
            [first + 80_000, first + 86_400],
          ],
        }),
        'https://app.example.org',
      ),
    );
    deepStrictEqual(
      slots.map((s) => [s.start, s.end, s.status, 'extension' in s]),
      [
        ['2027-05-04T09:00:00-04:00', '2027-05-04T10:00:00-04:00', 'free', true],
        ['2027-05-04T10:00:00-04:00', '2027-05-04T11:00:00-04:00', 'busy', false],
        ['2027-05-04T11:00:00-04:00', '2027-05-04T12:00:00-04:00', 'free', true],
        ['2027-05-05T09:00:00-04:00', '2027-05-05T10:00:00-04:00', 'free', true],
      ],
    );
  },
);

Deno.test('a clock change inside an occurrence gives each session boundary its own offset', () => {
  // 1 Nov 2026 in New York: 01:00 EDT (-04:00) is followed by 01:00 EST (-05:00) an hour later
  const slots = parsed(
    slotLines(
      source({ occurrences: [[epoch('2026-11-01T04:00:00Z'), 3, [-14400, -14400, -18000, -18000]]] }),
      'https://app.example.org',
    ),
  );
  deepStrictEqual(
    slots.map((s) => [s.start, s.end]),
    [
      ['2026-11-01T00:00:00-04:00', '2026-11-01T01:00:00-04:00'],
      ['2026-11-01T01:00:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T01:00:00-05:00', '2026-11-01T02:00:00-05:00'],
    ],
  );
});

Deno.test('offsets east of UTC and in half hours print as the office clock reads', () => {
  const [slot] = parsed(
    slotLines(
      source({ occurrences: [[epoch('2027-05-04T03:30:00Z'), 1, 19_800]] }),
      'https://app.example.org',
    ),
  );
  equal(slot!.start, '2027-05-04T09:00:00+05:30');
  equal(slot!.end, '2027-05-04T10:00:00+05:30');
});

Deno.test('a therapist with no sessions writes nothing; the link escapes what JSON must', () => {
  equal(slotLines(source({}), 'https://app.example.org'), '');
  const [slot] = parsed(
    slotLines(
      source({ slug: 'a"b', occurrences: [[epoch('2027-05-04T13:00:00Z'), 1, 0]] }),
      'https://app.example.org',
    ),
  );
  const [link] = slot!.extension as { valueUrl: string }[];
  equal(new URL(link!.valueUrl).pathname, '/request/a%22b');
});
