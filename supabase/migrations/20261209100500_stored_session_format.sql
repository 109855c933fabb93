-- Emails, their calendar files and the status page said "in person" or "telehealth" by the
-- office and the therapist's profile (in person whenever the slot had an office and the
-- therapist sees clients in person), not by what the client chose and the request stores
-- (`session_format`, 20261207800100_portal_request_choices.sql): a client who chose video with a
-- therapist offering both, at a slot of an office with an address, was sent the office's address
-- and an .ics at the office. One rule now, in one place (private.session_format_at): the format
-- the client chose, where the therapist offers it; otherwise (payer requests choose none) what
-- the therapist offers, in person only at a slot with an office. An offered time follows the
-- client's choice the same way, for its own therapist. This rewrites
-- private.request_email_payload (last in 20261207700100_client_email_appointment_details.sql:
-- the outbox payloads, hence every client email and its .ics), private.offered_time_json and
-- public.request_status_by_token (both first in 20261207600400_request_status_page.sql); an
-- address is given for an in-person session only.

/**
 * How a session happens: `chosen` (the client's choice stored on the request) when the therapist
 * offers it and, for in person, the slot has an office; otherwise in person when the slot has an
 * office and the therapist sees clients in person; otherwise telehealth.
 */
create function private.session_format_at(chosen text, location_id uuid, therapist_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select case
    when chosen = 'telehealth' and 'telehealth' = any (formats) then 'telehealth'
    when location_id is not null and 'in_person' = any (formats) then 'in_person'
    else 'telehealth'
  end
  from (select coalesce((select p.session_formats from public.public_profiles p where p.staff_id = session_format_at.therapist_id),
                        '{}') as formats) f;
$$;
revoke execute on function private.session_format_at(text, uuid, uuid) from public;

/** One offered time as the status page shows it, in the format the client chose where its therapist offers it. */
create or replace function private.offered_time_json(t public.request_offered_times)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'id', t.id,
    'starts_at', lower(t.slot),
    'ends_at', upper(t.slot),
    'time_zone', coalesce(l.time_zone, o.time_zone),
    'therapist_name', s.first_name || ' ' || s.last_name,
    'office_name', l.name,
    'format', private.session_format_at(r.session_format, t.location_id, t.therapist_id),
    'state', case when t.released_as is not null then t.released_as
                  when t.held_until <= pg_catalog.now() then 'expired' else 'open' end)
  from public.organizations o
  join public.referral_requests r on r.id = t.request_id
  join public.staff_members s on s.org_id = o.id and s.id = t.therapist_id
  left join public.locations l on l.org_id = o.id and l.id = t.location_id
  where o.id = t.org_id;
$$;
revoke execute on function private.offered_time_json(public.request_offered_times) from public;

/**
 * The request behind a status link, as its client may see it. `outcome` is 'ok' (with
 * `request`), 'link_expired' (with the clinic's name and request page slug only) or 'unknown'
 * (nothing else: a wrong, changed or made-up token).
 */
create or replace function public.request_status_by_token(token text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  link record;
  r public.referral_requests;
begin
  select * into link from private.status_link_request(token);
  if link.request_id is null then
    return '{"outcome":"unknown"}'::jsonb;
  end if;
  select * into r from public.referral_requests q where q.id = link.request_id;
  if link.link_expired then
    return (select pg_catalog.jsonb_build_object('outcome', 'link_expired',
              'clinic', pg_catalog.jsonb_build_object('name', o.name, 'slug', o.slug))
            from public.organizations o where o.id = r.org_id);
  end if;
  return (
    select pg_catalog.jsonb_build_object(
      'outcome', 'ok',
      'clinic', pg_catalog.jsonb_build_object('name', o.name, 'slug', o.slug),
      'request', pg_catalog.jsonb_build_object(
        'state', r.status,
        'therapist_name', s.first_name || ' ' || s.last_name,
        'office_phone', s.office_phone,
        'office_name', l.name,
        'office_address', case when private.session_format_at(r.session_format, r.location_id, r.therapist_id) = 'in_person'
                               then l.address_line || ', ' || l.city || ', ' || l.state || ' ' || l.postal_code end,
        'format', private.session_format_at(r.session_format, r.location_id, r.therapist_id),
        'starts_at', lower(r.slot),
        'ends_at', upper(r.slot),
        'time_zone', coalesce(l.time_zone, o.time_zone),
        'expires_at', r.expires_at,
        'expiry_cause', case when r.status = 'expired' then
                          case when r.offered_at is not null then 'offer_expired' else private.expiry_cause(r) end end,
        'decided_at', r.decided_at,
        'withdrawn_at', r.withdrawn_at,
        'withdrawn_by_client', r.withdrawn_reason = 'client_withdrew',
        'offer', case when r.offered_at is null then null else pg_catalog.jsonb_build_object(
          'message', r.offer_message,
          'offered_at', r.offered_at,
          'times', (select coalesce(pg_catalog.jsonb_agg(private.offered_time_json(t) order by lower(t.slot)), '[]'::jsonb)
                    from public.request_offered_times t where t.request_id = r.id)) end))
    from public.organizations o
    join public.staff_members s on s.org_id = o.id and s.id = r.therapist_id
    left join public.locations l on l.org_id = o.id and l.id = r.location_id
    where o.id = r.org_id);
end;
$$;
revoke execute on function public.request_status_by_token(text) from public, anon, authenticated;
grant execute on function public.request_status_by_token(text) to service_role;

/**
 * What a client's email about a request may say: the practice and its phone, the therapist's name,
 * the time (start, end, the office's zone), the office and its address or telehealth, the request
 * page of the clinic, and the request's id (for its calendar file's UID).
 */
create or replace function private.request_email_payload(r public.referral_requests)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  in_person boolean;
begin
  in_person := private.session_format_at(r.session_format, r.location_id, r.therapist_id) = 'in_person';

  return (
    select jsonb_build_object(
      'request_id', r.id,
      'practice_name', o.name,
      'starts_at', lower(r.slot),
      'ends_at', upper(r.slot),
      'time_zone', coalesce(l.time_zone, o.time_zone),
      'office_name', coalesce(l.name, o.name),
      'therapist_name', s.first_name || ' ' || s.last_name,
      'session_format', case when in_person then 'in_person' else 'telehealth' end,
      'office_address', case when in_person then l.address_line || ', ' || l.city || ', ' || l.state || ' ' || l.postal_code end,
      'practice_phone', coalesce(s.office_phone, (
        select a.office_phone from public.staff_members a
        where a.org_id = r.org_id and a.is_active and 'org_admin' = any (a.roles) and a.office_phone is not null
        order by a.created_at, a.id
        limit 1)),
      'request_page_path', '/request/' || o.slug)
    from public.organizations o
    join public.staff_members s on s.org_id = r.org_id and s.id = r.therapist_id
    left join public.locations l on l.org_id = r.org_id and l.id = r.location_id
    where o.id = r.org_id);
end;
$$;
revoke execute on function private.request_email_payload(public.referral_requests) from public;
grant execute on function private.request_email_payload(public.referral_requests) to service_role;
