/**
 * The Slot file's SQL facts (public.payer_fhir_slot_sources) for availability that a clock change
 * falls in, read as the feed will be a few days before each 2027 change in New York (its `as_of`),
 * then printed by the payer-api function's own Slot writer. Every number was worked out by hand:
 *
 * - Spring forward, Sunday 2027-03-14: 02:00 EST (-05:00) becomes 03:00 EDT (-04:00). A block
 *   00:00–04:00 is 05:00Z–08:00Z, three real hours: three sessions, boundaries at 05Z, 06Z, 07Z
 *   and 08Z whose offsets are -5 h, -5 h, -4 h, -4 h (07:00Z is already 03:00 EDT).
 * - Fall back, Sunday 2027-11-07: 02:00 EDT (-04:00) becomes 01:00 EST (-05:00). A block
 *   00:00–03:00 is 04:00Z–08:00Z, four real hours: four sessions, boundaries at 04Z … 08Z whose
 *   offsets are -4 h, -4 h, -5 h, -5 h, -5 h (06:00Z is the change: 01:00 EST again).
 * - The next morning, 09:00–11:00, has no change in it: two sessions and one offset.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotLines, type SlotSource } from '../../supabase/functions/payer-api/slot-lines.ts';
import { insertClinicWithTherapist } from './factories.ts';
import { personasForThisFile, testEnv } from './personas.ts';

const personas = personasForThisFile();
const zone = 'America/New_York';
const hour = 3600;
const epoch = (iso: string) => Date.parse(iso) / 1000;

let db: pg.Client;
let therapist: string;

beforeAll(async () => {
  // one connection for the whole file: the time zone set below holds for every query
  db = new pg.Client({ connectionString: testEnv().dbUrl });
  await db.connect();
  // the 60 days are added in the session's time zone (UTC on a Supabase database): pinned, so the
  // window's end falls where the horizon case expects on any machine
  await db.query(`set timezone = 'UTC'`);
  // the file's Cigna lists this therapist only, so the payer's Slot sources are theirs alone
  const clinic = await insertClinicWithTherapist(db, {
    slug: `clock-changes-${Date.now()}`,
    payer: personas.payers.cigna,
    zone,
  });
  therapist = clinic.staffId;
  const blocks = [
    ['2027-03-14', '00:00', '04:00'],
    ['2027-03-15', '09:00', '11:00'],
    ['2027-11-07', '00:00', '03:00'],
    ['2027-11-08', '09:00', '11:00'],
  ];
  for (const [day, start, end] of blocks)
    await db.query(
      `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays, start_time, end_time, accept_external)
       values ($1, $2, $3, $4, $4, null, $5, $6, true)`,
      [clinic.orgId, therapist, clinic.locationId, day, start, end],
    );
});
afterAll(() => db.end());

/** The payer's Slot sources as the feed reads them at `asOf`: this file's one therapist. */
async function sourcesAt(asOf: string): Promise<SlotSource> {
  const { rows } = await db.query<SlotSource>(
    `select therapist, slug, session_seconds, occurrences, busy
     from public.payer_fhir_slot_sources($1, 100, as_of => $2)`,
    [personas.payers.cigna, asOf],
  );
  expect(rows.map((row) => row.therapist)).toEqual([therapist]);
  return rows[0]!;
}

/** The printed Slot lines' start and end, as the feed writes them. */
const printedTimes = (source: SlotSource) =>
  slotLines(source, 'https://app.example.org')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { start: string; end: string })
    .map((slot) => [slot.start, slot.end]);

describe('an occurrence a clock change falls in, from the database to the printed Slot', () => {
  it('spring forward: three sessions, the offset moving from -05:00 to -04:00 at 03:00 EDT', async () => {
    const source = await sourcesAt('2027-03-10T12:00:00Z');
    expect(source.session_seconds).toBe(hour);
    expect(source.busy).toEqual([]);
    expect(source.occurrences).toEqual([
      [epoch('2027-03-14T05:00:00Z'), 3, [-5 * hour, -5 * hour, -4 * hour, -4 * hour]],
      [epoch('2027-03-15T13:00:00Z'), 2, -4 * hour],
    ]);
    expect(printedTimes(source)).toEqual([
      ['2027-03-14T00:00:00-05:00', '2027-03-14T01:00:00-05:00'],
      ['2027-03-14T01:00:00-05:00', '2027-03-14T03:00:00-04:00'],
      ['2027-03-14T03:00:00-04:00', '2027-03-14T04:00:00-04:00'],
      ['2027-03-15T09:00:00-04:00', '2027-03-15T10:00:00-04:00'],
      ['2027-03-15T10:00:00-04:00', '2027-03-15T11:00:00-04:00'],
    ]);
  });

  it('fall back: four sessions, 01:00 twice, the offset moving from -04:00 to -05:00', async () => {
    const source = await sourcesAt('2027-11-03T12:00:00Z');
    expect(source.occurrences).toEqual([
      [epoch('2027-11-07T04:00:00Z'), 4, [-4 * hour, -4 * hour, -5 * hour, -5 * hour, -5 * hour]],
      [epoch('2027-11-08T14:00:00Z'), 2, -5 * hour],
    ]);
    expect(printedTimes(source)).toEqual([
      ['2027-11-07T00:00:00-04:00', '2027-11-07T01:00:00-04:00'],
      ['2027-11-07T01:00:00-04:00', '2027-11-07T01:00:00-05:00'],
      ['2027-11-07T01:00:00-05:00', '2027-11-07T02:00:00-05:00'],
      ['2027-11-07T02:00:00-05:00', '2027-11-07T03:00:00-05:00'],
      ['2027-11-08T09:00:00-05:00', '2027-11-08T10:00:00-05:00'],
      ['2027-11-08T10:00:00-05:00', '2027-11-08T11:00:00-05:00'],
    ]);
  });

  it('the window runs from as_of: the notice cuts the first sessions, the 60 days the rest', async () => {
    // 24 hours' notice from 2027-03-13T06:30Z: sessions from 2027-03-14T06:30Z on, so the 05:00Z
    // and 06:00Z ones go; the one left, 07:00Z (03:00 EDT), has no change in it: one offset
    expect((await sourcesAt('2027-03-13T06:30:00Z')).occurrences[0]).toEqual([
      epoch('2027-03-14T07:00:00Z'),
      1,
      -4 * hour,
    ]);
    // 60 days before the fall-back night's 05:00Z, the window ends as its first session does
    expect((await sourcesAt('2027-09-08T05:00:00Z')).occurrences).toEqual([
      [epoch('2027-11-07T04:00:00Z'), 1, -4 * hour],
    ]);
  });
});
