-- The FHIR feed's Slot file spent nearly all its SQL time writing each slot's text: seven time
-- zone conversions, three to_char calls, two uuid casts and a numeric epoch a slot (about 40 µs;
-- 208,000 slots for a payer with 2,000 therapists). Now the time zone work is done once an
-- occurrence of an availability block (a few slots each): its start on the office's clock, in UTC
-- and as an epoch, and whether one UTC offset holds the whole occurrence. The k-th slot of an
-- occurrence starts k sessions after it, so its times are those starts plus k sessions, printed
-- as ISO timestamp text, and its id's epoch is the start's plus k sessions' seconds; the
-- therapist's id is cast to text once. An occurrence a clock change falls in (or one not starting
-- on a whole second) keeps the exact per-slot conversion (private.fhir_instant, whose text the
-- short way matches). Every line's text is unchanged; the other resource types are as before.

/**
 * One page of a payer's FHIR feed as NDJSON text: `page_size` therapists (PractitionerRole,
 * Schedule, Slot) or locations (Location) after `after_id`, in id order, each with its
 * resources' lines. Only therapists listed for the payer (the directory's rule) and their
 * locations; Slot covers the next 60 days: free (open to referrals, with a booking deep link to
 * the clinic's request page) or busy (held by a request or an appointment). `since` keeps only
 * what changed at or after it.
 */
create or replace function public.payer_fhir_page(
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
-- the slots' times are written as timestamp text: ISO, whatever the caller's DateStyle
set datestyle = 'ISO, MDY'
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
    with listed as materialized (
      select l.staff_id, l.default_location_id
      from private.listed_profiles l
      where exists (select 1 from public.enrollment_payers ep
                    where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer)
    )
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
      and loc.id in (
        select l.default_location_id from listed l
        union
        select b.location_id from listed l
        join public.availability_blocks b on b.staff_id = l.staff_id and b.accept_external)
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
    from private.listed_profiles l
    join public.staff_members s on s.id = l.staff_id
    join public.organizations o on o.id = s.org_id
    join public.public_profiles p on p.staff_id = s.id
    where exists (select 1 from public.enrollment_payers ep
                  where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer)
      and (after_id is null or l.staff_id > after_id)
      and (since is null or greatest(s.updated_at, p.updated_at) >= since)
    order by l.staff_id
    limit size;
  elsif resource_type = 'Slot' then
    return query
    with page as materialized (
      select l.staff_id as id, l.staff_id::text as id_text, o.slug,
             make_interval(mins => o.session_length_minutes) as session,
             o.session_length_minutes * 60 as session_seconds,
             greatest(as_of, as_of + make_interval(hours => o.min_notice_hours)) as lo,
             least(as_of + interval '60 days', as_of + make_interval(days => o.booking_horizon_days)) as hi,
             -- the booking deep link up to its slot, as a JSON string without its closing quote
             left(to_json(rtrim(site_url, '/') || '/request/' || o.slug || '?therapist=' || l.staff_id || '&slot=')::text, -1)
               as link_prefix
      from private.listed_profiles l
      join public.organizations o on o.id = l.org_id
      where exists (select 1 from public.enrollment_payers ep
                    where ep.enrollment_id = l.enrollment_id and ep.payer_id = payer)
        and (after_id is null or l.staff_id > after_id)
        and (since is null or private.slots_changed_at(l.staff_id, as_of) >= since)
      order by l.staff_id
      limit size
    )
    -- each line is the text jsonb would print for the Slot (keys by length, then bytes; ", " and
    -- ": " between), written out: building a jsonb value per slot cost more than the rest
    select page.id, string_agg(
             '{"id": "' || page.id_text || '-' || c.epoch
             || '", "end": "' || c.end_text || '", "start": "' || c.start_text
             || '", "status": "' || case when c.is_busy then 'busy' else 'free' end
             || '", "schedule": {"reference": "Schedule/' || page.id_text || '"}'
             || case when c.is_busy then ''
                     else ', "extension": [{"url": "http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link", "valueUrl": '
                          || page.link_prefix || c.utc_text || '"}]' end
             || ', "resourceType": "Slot"}',
             e'\n' order by c.slot_start) filter (where c.therapist_id is not null)
    -- every therapist of the page has a row (null text when no slot), so a short page means the end
    from page
    -- what holds the therapist's time, as private.open_slots_of counts it (scheduled appointments,
    -- pending requests, unverified ones still within their verification window, times offered to a
    -- client and still held for them), gathered once
    cross join lateral (
      select coalesce((select pg_catalog.range_agg(a.during) from public.appointments a
                       where a.staff_id = page.id and a.status = 'scheduled'
                         and upper(a.during) > page.lo and lower(a.during) < page.hi), '{}'::tstzmultirange)
             + coalesce((select pg_catalog.range_agg(r.slot) from public.referral_requests r
                         where r.therapist_id = page.id and r.status in ('pending', 'unverified')
                           and (r.status = 'pending' or r.expires_at > as_of)
                           and upper(r.slot) > page.lo and lower(r.slot) < page.hi), '{}'::tstzmultirange)
             + coalesce((select pg_catalog.range_agg(h.slot) from public.request_offered_times h
                         where h.therapist_id = page.id and h.released_at is null and h.held_until > as_of
                           and upper(h.slot) > page.lo and lower(h.slot) < page.hi), '{}'::tstzmultirange) as ranges
      offset 0 -- computed here, once a therapist, not pulled up into every slot
    ) busy
    -- the page's own therapist only: a lateral, so no estimate can make it a join of every slot with every therapist
    left join lateral (
      select page.id as therapist_id, s.slot_start,
             busy.ranges && tstzrange(s.slot_start, s.slot_start + page.session) as is_busy,
             case when o.exact then o.start_epoch + s.k * page.session_seconds
                  else extract(epoch from s.slot_start)::bigint end as epoch,
             case when o.exact then
               -- the office's wall clock moves with the slot: the occurrence's local start plus
               -- how far into it the slot is (no time zone lookup a slot)
               replace((o.local_start + s.k * page.session)::text, ' ', 'T') || o.offset_text
             else private.fhir_instant(s.slot_start, o.time_zone) end as start_text,
             case when o.exact then
               replace((o.local_start + (s.k + 1) * page.session)::text, ' ', 'T') || o.offset_text
             else private.fhir_instant(s.slot_start + page.session, o.time_zone) end as end_text,
             case when o.exact then replace((o.utc_start + s.k * page.session)::text, ' ', 'T') || 'Z'
                  else pg_catalog.to_char(s.slot_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') || 'Z' end
               as utc_text
      from (
        -- each occurrence once: its start on the office's clock and in UTC and whether the short
        -- way holds for all of it: one UTC offset (no clock change) and a start in whole seconds
        select occ.during, occ.time_zone, occ.local_start, occ.utc_start,
               off.at_start = off.at_end and lower(occ.during) = date_trunc('second', lower(occ.during)) as exact,
               extract(epoch from lower(occ.during))::bigint as start_epoch,
               case when off.at_start < 0 then '-' else '+' end
                 || lpad((abs(off.at_start) / 3600)::text, 2, '0') || ':'
                 || lpad((abs(off.at_start) % 3600 / 60)::text, 2, '0') as offset_text
        from (
          select occ.during, loc.time_zone,
                 lower(occ.during) at time zone loc.time_zone as local_start,
                 lower(occ.during) at time zone 'UTC' as utc_start,
                 upper(occ.during) at time zone loc.time_zone as local_end,
                 upper(occ.during) at time zone 'UTC' as utc_end
          from public.availability_occurrences occ
          join public.availability_blocks b on b.id = occ.block_id and b.accept_external
          join public.locations loc on loc.id = b.location_id
          where occ.staff_id = page.id and lower(occ.during) < page.hi and upper(occ.during) > page.lo
          offset 0 -- once an occurrence, not once a slot
        ) occ
        -- the office's UTC offset in seconds at each end of the occurrence
        cross join lateral (
          select extract(epoch from occ.local_start - occ.utc_start)::integer as at_start,
                 extract(epoch from occ.local_end - occ.utc_end)::integer as at_end
        ) off
        offset 0
      ) o
      -- the slots of the occurrence, the k-th starting k sessions after it
      cross join lateral (
        select k, lower(o.during) + k * page.session as slot_start
        from generate_series(0, floor(extract(epoch from upper(o.during) - lower(o.during)) / page.session_seconds)::integer - 1) k
      ) s
      where s.slot_start >= page.lo and s.slot_start + page.session <= page.hi
    ) c on true
    group by page.id
    order by page.id;
  else
    raise exception 'unknown resource type %', resource_type using errcode = '22023';
  end if;
end;
$$;
