-- The Slot file's lines are written by the payer-api function from public.payer_fhir_slot_sources
-- (20261211200100_fhir_slot_sources.sql); the Slot branch of public.payer_fhir_page, which wrote
-- them in SQL, is no longer called by anything and would drift from the function's lines unseen.
-- It goes, and asking payer_fhir_page (or public.payer_fhir_file, which reads its pages) for
-- Slot now fails with an error saying where the Slot lines come from, rather than a page of lines
-- nobody checks. Location, PractitionerRole and Schedule pages are unchanged (the DateStyle setting
-- went with the Slot branch: it was there for the slots' timestamp text; the other types print
-- their times with private.fhir_instant's to_char, which does not read it).

/**
 * One page of a payer's FHIR feed as NDJSON text: `page_size` therapists (PractitionerRole,
 * Schedule) or locations (Location) after `after_id`, in id order, each with its resources'
 * lines. Only therapists listed for the payer (the directory's rule) and their locations. `since`
 * keeps only what changed at or after it. Slot is refused: its lines are written by the payer-api
 * function from public.payer_fhir_slot_sources.
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
as $$
declare
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
    raise exception 'Slot lines are not written here: the payer-api function writes them from public.payer_fhir_slot_sources'
      using errcode = '22023';
  else
    raise exception 'unknown resource type %', resource_type using errcode = '22023';
  end if;
end;
$$;
