-- How each staff member wants to hear about new referral requests: an email for each request,
-- one digest every N hours, or none. No row means the default, an email for each request.
-- A person reads and writes only their own row; the same rules hold in the app's zod schema
-- (src/features/notification-settings/schemas.ts).

create table public.staff_alert_preferences (
  staff_id uuid primary key,
  org_id uuid not null,
  mode text not null default 'each_request'
    constraint staff_alert_preferences_mode_known check (mode in ('each_request', 'digest', 'off')),
  digest_hours integer not null default 4
    constraint staff_alert_preferences_digest_hours_in_range check (digest_hours between 1 and 24),
  updated_at timestamptz not null default now(),
  foreign key (org_id, staff_id) references public.staff_members (org_id, id) on delete cascade
);
alter table public.staff_alert_preferences enable row level security;
create index staff_alert_preferences_org_staff_idx on public.staff_alert_preferences (org_id, staff_id);
create trigger staff_alert_preferences_touch_updated_at before update on public.staff_alert_preferences
  for each row execute function private.touch_updated_at();

revoke all on public.staff_alert_preferences from anon, authenticated;
grant select on public.staff_alert_preferences to authenticated;
-- an upsert names the key columns too; the policies keep them the caller's own
grant insert (staff_id, org_id, mode, digest_hours), update (staff_id, org_id, mode, digest_hours)
  on public.staff_alert_preferences to authenticated;

create policy "Staff members can read their own alert preferences"
  on public.staff_alert_preferences for select to authenticated
  using (staff_id in (select private.my_staff_ids()));

create policy "Staff members can set their own alert preferences"
  on public.staff_alert_preferences for insert to authenticated
  with check (staff_id in (select private.my_staff_ids()));

create policy "Staff members can change their own alert preferences"
  on public.staff_alert_preferences for update to authenticated
  using (staff_id in (select private.my_staff_ids()))
  with check (staff_id in (select private.my_staff_ids()));
