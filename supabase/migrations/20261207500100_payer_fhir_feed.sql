-- The FHIR slot feed per payer (SMART Scheduling Links): Location, PractitionerRole, Schedule and
-- Slot resources built here as text, one page of therapists (or locations) per call, so the
-- payer-api function streams a payer's whole feed without holding it. Visibility is the
-- directory's: private.listed_therapists(payer, null); open slots are private.open_slots_of.

/** An instant as FHIR wants it for a slot: seconds and the office's UTC offset, e.g. 2027-03-14T09:00:00-05:00. */
create function private.fhir_instant(t timestamptz, time_zone text)
returns text
language sql
immutable
set search_path = ''
as $$
  select pg_catalog.to_char(t at time zone time_zone, 'YYYY-MM-DD"T"HH24:MI:SS')
         || case when o.s < 0 then '-' else '+' end
         || pg_catalog.lpad((abs(o.s) / 3600)::text, 2, '0') || ':' || pg_catalog.lpad((abs(o.s) % 3600 / 60)::text, 2, '0')
  from (select extract(epoch from ((t at time zone time_zone) - (t at time zone 'UTC')))::integer as s) o;
$$;
revoke execute on function private.fhir_instant(timestamptz, text) from public;
grant execute on function private.fhir_instant(timestamptz, text) to service_role;

/**
 * When anything that shapes a therapist's slots last changed: availability blocks, requests
 * (made, decided, withdrawn, expired) and appointments. `_since` on Slot returns every slot of a
 * therapist whose slots may have changed since then (a superset, as the spec allows).
 */
create function private.slots_changed_at(therapist uuid, as_of timestamptz)
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  select greatest(
    (select max(b.updated_at) from public.availability_blocks b where b.staff_id = therapist),
    (select max(greatest(r.created_at, r.decided_at, r.withdrawn_at, case when r.expires_at <= as_of then r.expires_at end))
       from public.referral_requests r where r.therapist_id = therapist),
    (select max(a.created_at) from public.appointments a where a.staff_id = therapist)
  );
$$;
revoke execute on function private.slots_changed_at(uuid, timestamptz) from public;
grant execute on function private.slots_changed_at(uuid, timestamptz) to service_role;

/**
 * One page of a payer's FHIR feed as NDJSON text: `page_size` therapists (PractitionerRole,
 * Schedule, Slot) or locations (Location) after `after_id`, in id order, each with its
 * resources' lines. Only therapists listed for the payer (the directory's rule) and their
 * locations; Slot covers the next 60 days: free (open to referrals, with a booking deep link to
 * the clinic's request page) or busy (held by a request or an appointment). `since` keeps only
 * what changed at or after it.
 */
create function public.payer_fhir_page(
  payer uuid,
  resource_type text,
  since timestamptz,
  after_id uuid,
  page_size integer,
  site_url text
)
returns table (page_key uuid, ndjson text)
language plpgsql
stable
set search_path = ''
as $$
declare
  as_of constant timestamptz := pg_catalog.now();
  size constant integer := least(greatest(page_size, 1), 1000);
begin
  if payer is null then
    raise exception 'payer is required' using errcode = '22023';
  end if;
  if resource_type = 'Location' then
    return query
    select loc.id, jsonb_build_object(
             'resourceType', 'Location',
             'id', loc.id,
             'meta', jsonb_build_object('lastUpdated', private.fhir_instant(loc.updated_at, 'UTC')),
             'name', loc.name,
             'description', o.name,
             'address', jsonb_build_object('line', jsonb_build_array(loc.address_line), 'city', loc.city,
                                           'state', loc.state, 'postalCode', loc.postal_code, 'country', 'US'),
             'extension', jsonb_build_array(jsonb_build_object(
               'url', 'http://hl7.org/fhir/StructureDefinition/timezone', 'valueCode', loc.time_zone))
           )::text
    from public.locations loc
    join public.organizations o on o.id = loc.org_id
    where (after_id is null or loc.id > after_id)
      and (since is null or loc.updated_at >= since)
      and exists (
        select 1 from private.listed_therapists(payer, null) t(id)
        join public.staff_members s on s.id = t.id
        where s.default_location_id = loc.id
           or exists (select 1 from public.availability_blocks b
                      where b.staff_id = t.id and b.location_id = loc.id and b.accept_external))
    order by loc.id
    limit size;
  elsif resource_type in ('PractitionerRole', 'Schedule') then
    return query
    select s.id, case resource_type
      when 'PractitionerRole' then jsonb_strip_nulls(jsonb_build_object(
        'resourceType', 'PractitionerRole',
        'id', s.id,
        'meta', jsonb_build_object('lastUpdated', private.fhir_instant(greatest(s.updated_at, p.updated_at), 'UTC')),
        'active', true,
        'practitioner', jsonb_build_object('display', s.first_name || ' ' || s.last_name),
        'organization', jsonb_build_object('display', o.name),
        'location', case when s.default_location_id is not null
                         then jsonb_build_array(jsonb_build_object('reference', 'Location/' || s.default_location_id)) end,
        'code', case when p.professional_title is not null
                     then jsonb_build_array(jsonb_build_object('text', p.professional_title)) end,
        'extension', jsonb_build_array(jsonb_build_object(
          'url', 'http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients',
          'extension', jsonb_build_array(jsonb_build_object(
            'url', 'acceptingPatients',
            'valueCodeableConcept', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
              'system', 'http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS',
              'code', 'newpt',
              'display', 'Accepting')))))))
      ))::text
      else jsonb_build_object(
        'resourceType', 'Schedule',
        'id', s.id,
        'meta', jsonb_build_object('lastUpdated', private.fhir_instant(greatest(s.updated_at, p.updated_at), 'UTC')),
        'active', true,
        'serviceType', jsonb_build_array(jsonb_build_object('text', 'Psychotherapy')),
        'actor', jsonb_build_array(jsonb_build_object('reference', 'PractitionerRole/' || s.id,
                                                      'display', s.first_name || ' ' || s.last_name))
      )::text
    end
    from private.listed_therapists(payer, null) t(id)
    join public.staff_members s on s.id = t.id
    join public.organizations o on o.id = s.org_id
    join public.public_profiles p on p.staff_id = s.id
    where (after_id is null or s.id > after_id)
      and (since is null or greatest(s.updated_at, p.updated_at) >= since)
    order by s.id
    limit size;
  elsif resource_type = 'Slot' then
    return query
    with page as (
      select s.id, s.org_id, o.slug, make_interval(mins => o.session_length_minutes) as session,
             greatest(as_of, as_of + make_interval(hours => o.min_notice_hours)) as lo,
             least(as_of + interval '60 days', as_of + make_interval(days => o.booking_horizon_days)) as hi
      from private.listed_therapists(payer, null) t(id)
      join public.staff_members s on s.id = t.id
      join public.organizations o on o.id = s.org_id
      where (after_id is null or s.id > after_id)
        and (since is null or private.slots_changed_at(s.id, as_of) >= since)
      order by s.id
      limit size
    ),
    open_slot as (
      select os.therapist_id, os.slot_start
      from private.open_slots_of((select array_agg(page.id) from page), as_of, as_of + interval '60 days', as_of) os
    ),
    candidate as (
      select page.id as therapist_id, page.slug, gs as slot_start, gs + page.session as slot_end, loc.time_zone
      from page
      join public.availability_occurrences occ on occ.staff_id = page.id
        and lower(occ.during) < page.hi and upper(occ.during) > page.lo
      join public.availability_blocks b on b.id = occ.block_id and b.accept_external
      join public.locations loc on loc.id = b.location_id
      cross join lateral generate_series(lower(occ.during), upper(occ.during) - page.session, page.session) gs
      where gs >= page.lo and gs + page.session <= page.hi
    )
    select page.id, string_agg(jsonb_strip_nulls(jsonb_build_object(
             'resourceType', 'Slot',
             'id', c.therapist_id || '-' || extract(epoch from c.slot_start)::bigint,
             'schedule', jsonb_build_object('reference', 'Schedule/' || c.therapist_id),
             'status', case when open_slot.slot_start is null then 'busy' else 'free' end,
             'start', private.fhir_instant(c.slot_start, c.time_zone),
             'end', private.fhir_instant(c.slot_end, c.time_zone),
             'extension', case when open_slot.slot_start is not null then jsonb_build_array(jsonb_build_object(
               'url', 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link',
               'valueUrl', rtrim(site_url, '/') || '/request/' || c.slug || '?therapist=' || c.therapist_id
                           || '&slot=' || replace(private.fhir_instant(c.slot_start, 'UTC'), '+00:00', 'Z'))) end
           ))::text, e'\n' order by c.slot_start) filter (where c.therapist_id is not null)
    -- every therapist of the page has a row (null text when no slot), so a short page means the end
    from page
    left join candidate c on c.therapist_id = page.id
    left join open_slot on open_slot.therapist_id = c.therapist_id and open_slot.slot_start = c.slot_start
    group by page.id
    order by page.id;
  else
    raise exception 'unknown resource type %', resource_type using errcode = '22023';
  end if;
end;
$$;
revoke execute on function public.payer_fhir_page(uuid, text, timestamptz, uuid, integer, text) from public, anon, authenticated;
grant execute on function public.payer_fhir_page(uuid, text, timestamptz, uuid, integer, text) to service_role;
