/**
 * The rollup of external hours offered (private.insights_offered_daily_clinic), which open
 * capacity reads for the whole clinic: its triggers keep it equal to a rebuild from the
 * occurrences through every kind of write of the blocks (a new block, an internal one, its flag
 * turned on and off, new times, another office, the daily window job, a deleted block, a deleted
 * office); an occurrence across the clinic's midnight counts on both days; a new clinic zone
 * rebuilds it; the whole clinic's hours equal each therapist's read from the occurrences; no API
 * role reads it.
 *
 * The clinic is in America/New_York; the period is the two weeks from Monday 2026-08-03. Priya's
 * own availability (every day from the persona's creation) lies after it.
 */
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, personasForThisFile, withDb, type Client, type Persona } from './personas.ts';
import { programInsights } from './support/insights-requests.ts';

const personas = personasForThisFile();
let admin: Client;
let secondOffice: string;

const period = { period_from: '2026-08-03', period_to: '2026-08-16' };

const offeredHours = async (args: Record<string, unknown> = {}) =>
  (
    await programInsights<{ capacity: { offered_hours: number } }>(admin, {
      org_id: personas.clinic.id,
      ...period,
      ...args,
    })
  ).capacity.offered_hours;

/** The clinic's rows of the rollup, in a stable order. */
const keptRows = (db: pg.Client) =>
  db
    .query(
      `select day::text, location_id, seconds::text from private.insights_offered_daily_clinic
       where org_id = $1 order by day, location_id`,
      [personas.clinic.id],
    )
    .then((r) => r.rows);

/** The rows as the triggers kept them equal the clinic's rows rebuilt from the occurrences. */
const expectKeptEqualsRebuild = () =>
  withDb(async (db) => {
    const kept = await keptRows(db);
    await db.query(`select private.rebuild_insights_offered_rollups($1)`, [personas.clinic.id]);
    expect(await keptRows(db)).toEqual(kept);
  });

const sql = (text: string, values: unknown[] = []) => withDb((db) => db.query(text, values));

/** Priya's block at `office` (the clinic's own by default); returns its id. */
const insertBlock = async (block: {
  from: string;
  until: string;
  weekdays: number[] | null;
  start: string;
  end: string;
  external: boolean;
  office?: string;
}) => {
  const { rows } = await sql(
    `insert into public.availability_blocks (org_id, staff_id, location_id, valid_from, valid_until, weekdays,
       start_time, end_time, accept_external)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      personas.clinic.id,
      personas.staff.therapist.id,
      block.office ?? personas.clinic.locationId,
      block.from,
      block.until,
      block.weekdays,
      block.start,
      block.end,
      block.external,
    ],
  );
  return rows[0]!.id as string;
};

beforeAll(async () => {
  admin = await personas.signedInAs('orgAdmin');
  const { rows } = await sql(
    `insert into public.locations (org_id, name, address_line, city, state, postal_code, time_zone)
     values ($1, 'West Office', '2 Ocean Avenue', 'San Diego', 'CA', '92101', 'America/Los_Angeles') returning id`,
    [personas.clinic.id],
  );
  secondOffice = rows[0]!.id;
});

describe('the offered-hours rollup', () => {
  it('is kept equal to a rebuild through every kind of block write', async () => {
    expect(await offeredHours()).toBe(0);

    // Mondays and Wednesdays 09:00–11:00: four times 2 h
    const weekly = await insertBlock({
      from: '2026-08-03',
      until: '2026-08-16',
      weekdays: [1, 3],
      start: '09:00',
      end: '11:00',
      external: true,
    });
    expect(await offeredHours()).toBe(8);
    await expectKeptEqualsRebuild();

    // an internal block (Tuesdays 13:00–14:00) offers nothing …
    const tuesdays = await insertBlock({
      from: '2026-08-03',
      until: '2026-08-16',
      weekdays: [2],
      start: '13:00',
      end: '14:00',
      external: false,
    });
    expect(await offeredHours()).toBe(8);
    await expectKeptEqualsRebuild();
    // … until it accepts external appointments (two Tuesdays, 1 h each)
    await sql(`update public.availability_blocks set accept_external = true where id = $1`, [tuesdays]);
    expect(await offeredHours()).toBe(10);
    await expectKeptEqualsRebuild();

    // the weekly block's flag off, then on again
    await sql(`update public.availability_blocks set accept_external = false where id = $1`, [weekly]);
    expect(await offeredHours()).toBe(2);
    await expectKeptEqualsRebuild();
    await sql(`update public.availability_blocks set accept_external = true where id = $1`, [weekly]);
    expect(await offeredHours()).toBe(10);
    await expectKeptEqualsRebuild();

    // new times: 09:00–12:30, four times 3.5 h
    await sql(`update public.availability_blocks set end_time = '12:30' where id = $1`, [weekly]);
    expect(await offeredHours()).toBe(16);
    await expectKeptEqualsRebuild();

    // another office (its own zone: the same wall-clock hours, three hours later in the clinic's)
    await sql(`update public.availability_blocks set location_id = $2 where id = $1`, [weekly, secondOffice]);
    expect(await offeredHours()).toBe(16);
    expect(await offeredHours({ office: secondOffice })).toBe(14);
    expect(await offeredHours({ office: personas.clinic.locationId })).toBe(2);
    await expectKeptEqualsRebuild();

    // the daily window job re-expands every block
    await sql(`select public.extend_availability_window()`);
    expect(await offeredHours()).toBe(16);
    await expectKeptEqualsRebuild();

    // a deleted block
    await sql(`delete from public.availability_blocks where id = $1`, [weekly]);
    expect(await offeredHours()).toBe(2);
    expect(await offeredHours({ office: secondOffice })).toBe(0);
    await expectKeptEqualsRebuild();
  });

  it('counts an occurrence across the clinic’s midnight on each of its days', async () => {
    // Sunday Aug 16, 20:00–23:00 in Los Angeles: 23:00 Aug 16 – 02:00 Aug 17 in New York
    await insertBlock({
      from: '2026-08-16',
      until: '2026-08-16',
      weekdays: null,
      start: '20:00',
      end: '23:00',
      external: true,
      office: secondOffice,
    });
    expect(await offeredHours({ office: secondOffice })).toBe(1);
    expect(
      await offeredHours({ office: secondOffice, period_from: '2026-08-17', period_to: '2026-08-17' }),
    ).toBe(2);
    await withDb(async (db) => {
      const rows = (await keptRows(db)).filter((r) => r.location_id === secondOffice);
      expect(rows).toEqual([
        { day: '2026-08-16', location_id: secondOffice, seconds: '3600.000000' },
        { day: '2026-08-17', location_id: secondOffice, seconds: '7200.000000' },
      ]);
    });
    await expectKeptEqualsRebuild();
  });

  it('moves to the clinic’s new days when its zone changes, and loses a deleted office’s blocks', async () => {
    const moveTo = (zone: string) =>
      sql(`update public.organizations set time_zone = $2 where id = $1`, [personas.clinic.id, zone]);
    try {
      await moveTo('America/Los_Angeles');
      // in the clinic's new zone the late block lies wholly on Sunday Aug 16
      expect(await offeredHours({ office: secondOffice })).toBe(3);
      await expectKeptEqualsRebuild();
    } finally {
      await moveTo('America/New_York');
    }
    expect(await offeredHours({ office: secondOffice })).toBe(1);
    await expectKeptEqualsRebuild();

    await sql(`delete from public.locations where id = $1`, [secondOffice]);
    expect(await offeredHours()).toBe(2);
    await expectKeptEqualsRebuild();
  });

  it('gives the whole clinic the sum of each therapist’s hours read from the occurrences', async () => {
    const therapists = [personas.staff.therapist.id, personas.staff.otherTherapist.id];
    // a period holding Priya's own daily availability too (08:00–12:00 from the persona's day)
    const soon = { period_from: '2026-12-01', period_to: '2027-01-31' };
    for (const args of [{}, soon]) {
      const whole = await offeredHours(args);
      let summed = 0;
      for (const therapist of therapists) summed += await offeredHours({ ...args, therapist });
      expect(whole).toBeGreaterThan(0);
      expect(whole).toBe(summed);
    }
  });

  it('is backfilled from the occurrences by the migration’s rebuild', async () => {
    const kept = await offeredHours();
    await sql(`delete from private.insights_offered_daily_clinic where org_id = $1`, [personas.clinic.id]);
    expect(await offeredHours()).toBe(0);
    await sql(`select private.rebuild_insights_offered_rollups($1)`, [personas.clinic.id]);
    expect(await offeredHours()).toBe(kept);
  });
});

describe('the offered-hours rollup is private', () => {
  const personasToTry: Persona[] = ['orgAdmin', 'scheduler', 'therapist', 'otherTherapist', 'otherOrgAdmin'];

  it('no persona reads it or rebuilds it through the API', async () => {
    for (const persona of personasToTry) {
      const client = await personas.signedInAs(persona);
      const read = await client
        .schema('private' as never)
        .from('insights_offered_daily_clinic')
        .select('*');
      expect(read.error, persona).not.toBeNull();
      const rebuild = await client.schema('private' as never).rpc('rebuild_insights_offered_rollups');
      expect(rebuild.error, persona).not.toBeNull();
    }
    const anonRead = await anonClient()
      .schema('private' as never)
      .from('insights_offered_daily_clinic')
      .select('*');
    expect(anonRead.error).not.toBeNull();
  });

  it('no API role reads it or calls its functions in SQL', async () => {
    for (const role of ['anon', 'authenticated']) {
      for (const statement of [
        'select count(*) from private.insights_offered_daily_clinic',
        'select private.rebuild_insights_offered_rollups()',
        `select private.insights_offered_apply(gen_random_uuid(), '{}', '{}', '{}')`,
      ]) {
        await withDb(async (db) => {
          await db.query('begin');
          try {
            await db.query(`set local role ${role}`);
            await expect(db.query(statement)).rejects.toThrow(/permission denied/);
          } finally {
            await db.query('rollback');
          }
        });
      }
    }
  });
});
