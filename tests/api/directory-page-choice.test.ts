/**
 * The directory chooses its page with a statement holding only the filters given, then assembles
 * the page's cards by id (20261212200100_directory_page_then_cards.sql). Its rows must be exactly
 * those of the single statement it replaced, which held every filter as `x is null or …`: that
 * statement is kept here as the reference and both run in one snapshot, for each filter alone,
 * together, after a cursor, for a payer, a clinic and both, on whatever the test database holds.
 */
import { describe, expect, it } from 'vitest';
import { withDb } from './personas.ts';

/** The directory's statement before the split, with the function's arguments as $1…$16. */
const reference = `
  with page as (
    select l.*
    from private.listed_profiles l
    where ($1::uuid is null or exists (select 1 from public.enrollment_payers ep where ep.enrollment_id = l.enrollment_id and ep.payer_id = $1::uuid))
      and ($2::uuid is null or l.org_id = $2::uuid)
      and ($3::text[] is null or l.specialties && $3::text[])
      and ($4::text[] is null or l.languages && $4::text[])
      and ($5::text[] is null or l.ages_served && $5::text[])
      and ($6::text[] is null or l.session_formats && $6::text[])
      and ($7::text is null or exists (select 1 from public.locations loc where loc.org_id = l.org_id
           and loc.id = l.default_location_id and loc.state = upper($7::text)))
      and ($8::text is null or exists (select 1 from public.locations loc where loc.org_id = l.org_id
           and loc.id = l.default_location_id and lower(loc.city) = lower($8::text)))
      and ($14::uuid is null or l.default_location_id = $14::uuid
           or exists (select 1 from public.availability_blocks b where b.staff_id = l.staff_id
                      and b.location_id = $14::uuid and b.accept_external))
      and ($15::uuid is null or exists (select 1 from public.enrollment_payers ep
           where ep.enrollment_id = l.enrollment_id and ep.payer_id = $15::uuid))
      and ($16::uuid is null or l.staff_id = $16::uuid)
      and ($11::uuid is null or (l.last_name, l.first_name, l.staff_id) > ($9::text, $10::text, $11::uuid))
    order by l.last_name, l.first_name, l.staff_id
    -- the largest page (50) plus the row that tells whether another page follows
    limit least(greatest($12::integer, 1), 51)
  ),
  page_slots as (
    select os.therapist_id,
           jsonb_agg(jsonb_build_object('start', os.slot_start, 'end', os.slot_end,
                                        'time_zone', coalesce(sl.time_zone, so.time_zone),
                                        'office_name', coalesce(sl.name, so.name)) order by os.slot_start) as slots
    from private.open_slots_of((select array_agg(page.staff_id) from page), pg_catalog.now(), pg_catalog.now() + interval '21 days',
                               pg_catalog.now(), least(greatest($13::integer, 0), 10)) os
    join page on page.staff_id = os.therapist_id
    join public.organizations so on so.id = page.org_id
    left join public.locations sl on sl.org_id = page.org_id and sl.id = os.location_id
    group by os.therapist_id
  )
  select page.staff_id, o.name, o.slug, page.first_name, page.last_name, page.photo_url,
         page.professional_title, page.license_type, page.license_state, page.about_me,
         page.specialties, page.treatment_approaches, page.ages_served, page.session_formats, page.languages,
         page.education, page.years_in_practice, page.website, page.pronouns, page.first_session_note,
         loc.name, loc.city, loc.state, coalesce(page_slots.slots, '[]'::jsonb),
         case when $1::uuid is null then coalesce((
           select jsonb_agg(jsonb_build_object('id', py.id, 'name', py.name) order by py.name)
           from public.enrollment_payers ep join public.payers py on py.id = ep.payer_id
           where ep.enrollment_id = page.enrollment_id), '[]'::jsonb) end
  from page
  join public.organizations o on o.id = page.org_id
  left join public.locations loc on loc.org_id = page.org_id and loc.id = page.default_location_id
  left join page_slots on page_slots.therapist_id = page.staff_id
  order by page.last_name, page.first_name, page.staff_id`;

const argumentNames = [
  'payer',
  'clinic',
  'any_specialties',
  'any_languages',
  'any_ages',
  'any_formats',
  'in_state',
  'in_city',
  'after_last_name',
  'after_first_name',
  'after_id',
  'page_size',
  'slot_count',
  'at_location',
  'takes_payer',
  'only_therapist',
] as const;
type Arguments = Partial<Record<(typeof argumentNames)[number], unknown>>;

const values = (args: Arguments) => argumentNames.map((n) => args[n] ?? null);
const call = `select * from public.referral_directory(${argumentNames.map((n, i) => `${n} => $${i + 1}`).join(', ')})`;

describe('the directory split into a page choice and its cards', () => {
  it('answers the rows of the single statement it replaced, for every kind of filter', async () => {
    await withDb(async (db) => {
      // what the database holds: a payer and a clinic with listed therapists, their values
      const {
        rows: [seen],
      } = await db.query(`
        select ep.payer_id as payer, l.org_id as clinic, l.specialties[1] as specialty, l.languages[1] as language,
               l.ages_served[1] as age, l.session_formats[1] as format, loc.state, loc.city, l.default_location_id as location,
               l.staff_id as therapist, l.last_name, l.first_name
        from private.listed_profiles l
        join public.enrollment_payers ep on ep.enrollment_id = l.enrollment_id
        join public.locations loc on loc.id = l.default_location_id
        order by l.last_name, l.staff_id limit 1`);
      expect(seen, 'the test database lists at least one therapist').toBeDefined();
      const cursor = {
        after_last_name: seen.last_name,
        after_first_name: seen.first_name,
        after_id: seen.therapist,
      };
      const cases: Arguments[] = [
        {},
        { payer: seen.payer },
        { clinic: seen.clinic },
        { payer: seen.payer, clinic: seen.clinic },
        { payer: seen.payer, any_specialties: [seen.specialty, 'no_such_key'] },
        { payer: seen.payer, any_languages: [seen.language] },
        { payer: seen.payer, any_ages: [seen.age] },
        { payer: seen.payer, any_formats: [seen.format] },
        { payer: seen.payer, in_state: seen.state.toLowerCase() },
        { payer: seen.payer, in_city: seen.city.toUpperCase() },
        { payer: seen.payer, ...cursor },
        { payer: seen.payer, after_id: seen.therapist },
        { clinic: seen.clinic, at_location: seen.location },
        { clinic: seen.clinic, takes_payer: seen.payer },
        { clinic: seen.clinic, only_therapist: seen.therapist },
        {
          payer: seen.payer,
          any_specialties: [seen.specialty],
          any_languages: [seen.language],
          any_ages: [seen.age],
          any_formats: [seen.format],
          in_state: seen.state,
          in_city: seen.city,
        },
        { payer: seen.payer, any_languages: ['no_such_key'] },
        { payer: seen.payer, in_state: 'ZZ' },
      ];
      let nonEmpty = 0;
      for (const base of cases)
        for (const page of [
          { page_size: 1 },
          { page_size: 51, slot_count: 10 },
          { page_size: 0, slot_count: 0 },
        ]) {
          const args = { slot_count: 3, ...base, ...page };
          // one snapshot (and one now()) for both, whatever other tests write meanwhile
          await db.query('begin isolation level repeatable read');
          try {
            const expected = (await db.query({ text: reference, values: values(args), rowMode: 'array' }))
              .rows;
            const actual = (await db.query({ text: call, values: values(args), rowMode: 'array' })).rows;
            expect(actual, JSON.stringify(args)).toEqual(expected);
            if (expected.length > 0) nonEmpty++;
          } finally {
            await db.query('rollback');
          }
        }
      // the cases reach real rows (columns compared by position), not only empty pages
      expect(nonEmpty).toBeGreaterThan(30);
    });
  });
});
