-- A therapist's calendar showed "Appointment" with no client: clients were readable by the
-- clinic's admins and schedulers only. A therapist may now read the clients of their own
-- appointments, and nothing more (not the clinic's other clients, not another clinic's).
-- The helper is security definer so the policy reads appointments without going through their
-- RLS again per row; the index serves its lookup by therapist.

create index appointments_staff_client_idx on public.appointments (staff_id, client_id);

/** The clients the calling user has appointments with, as a therapist who is still active. */
create function private.my_appointment_client_ids()
returns setof uuid
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  return query
  select distinct a.client_id from public.appointments a
  where a.staff_id in (select private.my_therapist_ids());
end;
$$;
revoke execute on function private.my_appointment_client_ids() from public;
grant execute on function private.my_appointment_client_ids() to authenticated, service_role;

-- one select policy per role and action (two permissive ones would both run on every row): the
-- admins' and schedulers' rule and the therapists' rule are one policy
drop policy "Admins and schedulers read the clinic's clients" on public.clients;

create policy "Admins and schedulers read the clinic's clients; therapists the clients of their own appointments"
  on public.clients for select to authenticated
  using (
    org_id in (select private.program_viewer_org_ids())
    or id in (select private.my_appointment_client_ids())
  );
