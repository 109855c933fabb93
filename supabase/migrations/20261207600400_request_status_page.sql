-- The data of the client's status page (/request/status/<token>): given a valid status link,
-- that one request and nothing else: the practice, therapist, office and format, the time with
-- its office's zone, the deadline, the state (the page puts it in words), and while other times
-- are offered, those times and the staff member's note. Called only by the client-portal function
-- (service role). Without a valid token nothing is returned; an expired link tells only which
-- clinic's request page to offer instead.

/** One offered time as the status page shows it. */
create function private.offered_time_json(t public.request_offered_times)
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
    'format', case when t.location_id is null then 'telehealth' else 'in_person' end,
    'state', case when t.released_as is not null then t.released_as
                  when t.held_until <= pg_catalog.now() then 'expired' else 'open' end)
  from public.organizations o
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
create function public.request_status_by_token(token text)
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
        'office_address', case when l.id is null then null
                               else l.address_line || ', ' || l.city || ', ' || l.state || ' ' || l.postal_code end,
        'format', case when r.location_id is null then 'telehealth' else 'in_person' end,
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
