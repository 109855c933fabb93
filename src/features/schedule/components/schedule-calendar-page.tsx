import { useCallback, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { usePageTitle } from '@/components/ui/use-page-title';
import { fullName } from '@/lib/membership/current-membership';
import { useMembership } from '@/lib/membership/membership-context';
import { useEnrollment } from '../api/get-enrollment';
import { useLocations } from '../api/get-locations';
import { useTherapists } from '../api/get-therapists';
import { useCalendarData } from '../api/use-calendar-data';
import {
  formValuesFromBlock,
  formValuesFromSelection,
  newBlockFormValues,
  type AvailabilityBlock,
} from '../lib/block-form';
import { buildCalendarEvents, type CalendarEvent } from '../lib/calendar-events';
import {
  calendarScope,
  calendarStaffId,
  canManageBlocks,
  externalReachProblems,
  showAcceptExternalToggle,
} from '../lib/permissions';
import { viewerTimeZone } from '@/lib/datetime';
import { formatDate, formatDateRange, intlFormats } from '../lib/calendar-formats';
import { describeTimeZone } from '../lib/time-zones';
import type { TimeRange } from '@/lib/tstzrange';
import { openingView, type CalendarView } from '../lib/visible-range';
import { AvailabilityBlockDialog, type BlockDialogMode } from './availability-block-dialog';
import { AvailabilityCalendar } from './availability-calendar';
import { CalendarLegend } from './calendar-legend';
import { EventDetailsDialog } from './event-details-dialog';
import { buttonClassName } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import styles from './schedule.module.css';

/**
 * Makes the formatters the calendar shows its first week with. Making an Intl formatter costs far
 * more than using one (tens of milliseconds on a slow machine for the first few); done as this
 * page's code loads, which the app does while idle, the first render of a week does not pay it.
 */
function makeFormatters() {
  const now = new Date();
  for (const name of Object.keys(intlFormats)) formatDate(now, name);
  formatDateRange(now, now);
  describeTimeZone(viewerTimeZone());
}
makeFormatters();

type DialogState =
  | { kind: 'block'; mode: BlockDialogMode }
  | { kind: 'details'; event: CalendarEvent; block: AvailabilityBlock | null }
  | null;

/**
 * Schedule › Calendar: a therapist's availability blocks, appointments and pending referral
 * requests. Therapists see and manage their own; org admins choose a therapist and manage theirs;
 * schedulers choose one and look.
 */
export function ScheduleCalendarPage() {
  usePageTitle('Calendar');
  const membership = useMembership();
  const orgId = membership.org_id;
  const viewer = useMemo(
    () => ({ staffId: membership.id, roles: membership.roles }),
    [membership.id, membership.roles],
  );
  const scope = calendarScope(viewer);
  const [searchParams, setSearchParams] = useSearchParams();
  const therapists = useTherapists(orgId);
  const locations = useLocations(orgId);

  const staffId =
    scope === 'own'
      ? viewer.staffId
      : therapists.data
        ? calendarStaffId(
            viewer,
            therapists.data.map((t) => t.id),
            searchParams.get('therapist'),
          )
        : null;
  const therapist = therapists.data?.find((t) => t.id === staffId) ?? null;
  const therapistName = therapist ? fullName(therapist) : fullName(membership);

  const [view, setView] = useState<CalendarView>(openingView);
  const [date, setDate] = useState(() => new Date());
  const calendar = useCalendarData(orgId, staffId, view, date);
  const { snapshot } = calendar;
  const enrollment = useEnrollment(orgId, staffId);

  const locationNames = useMemo(() => new Map(locations.data?.map((l) => [l.id, l.name])), [locations.data]);
  // a location's name is part of an event's title: the events are made once the names are in (or
  // could not be), not once without them and again with them
  const namesSettled = !locations.isPending;
  const events = useMemo(
    () =>
      namesSettled
        ? buildCalendarEvents({
            occurrences: snapshot?.occurrences,
            appointments: snapshot?.appointments,
            requests: snapshot?.requests,
            locationNames,
          })
        : [],
    [snapshot, locationNames, namesSettled],
  );
  const blocks = useMemo(() => new Map(snapshot?.occurrences.map((o) => [o.block.id, o.block])), [snapshot]);

  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState('');
  const zoneId = useId();
  const pickerId = useId();

  const manage = staffId !== null && canManageBlocks(viewer, staffId);
  // the form needs the locations and whether the toggle exists before it opens
  const formReady = manage && locations.isSuccess && enrollment.isSuccess;
  const showToggle = showAcceptExternalToggle(enrollment.data);
  const defaultLocation =
    locations.data?.find((l) => l.id === therapist?.default_location_id) ?? locations.data?.[0] ?? null;

  // stable handlers: the calendar re-renders only when what it shows changes, not on every query update
  const locationId = defaultLocation?.id ?? '';
  const blockZone = defaultLocation?.time_zone ?? viewerTimeZone();
  const openNewBlock = useCallback(
    (selection: TimeRange | null) => {
      if (!formReady) return;
      const values = {
        ...newBlockFormValues({ locationId, timeZone: blockZone }),
        ...(selection ? formValuesFromSelection(selection, blockZone) : {}),
      };
      setNotice('');
      setDialog({ kind: 'block', mode: { kind: 'create', values, selection } });
    },
    [formReady, locationId, blockZone],
  );

  const openEvent = useCallback(
    (event: CalendarEvent) => {
      const block = event.blockId ? (blocks.get(event.blockId) ?? null) : null;
      setNotice('');
      if (block && formReady)
        setDialog({ kind: 'block', mode: { kind: 'edit', block, values: formValuesFromBlock(block) } });
      else setDialog({ kind: 'details', event, block });
    },
    [blocks, formReady],
  );

  return (
    <section aria-labelledby="calendar-title" className="page">
      <p className="eyebrow">Schedule</p>
      <h1 id="calendar-title">Calendar</h1>

      {therapists.isError ? (
        <ErrorState
          title="The therapists could not be loaded."
          error={therapists.error}
          onRetry={() => void therapists.refetch()}
        />
      ) : null}
      {scope === 'choose' && therapists.isSuccess && staffId === null ? (
        <p>There are no therapists at {membership.organization.name} yet.</p>
      ) : null}

      {staffId !== null ? (
        <>
          <div className={styles.scheduleToolbar}>
            {scope === 'choose' && therapists.data ? (
              <SelectField
                id={pickerId}
                label="Therapist"
                value={staffId}
                onChange={(event) => setSearchParams({ therapist: event.target.value })}
              >
                {therapists.data.map((t) => (
                  <option key={t.id} value={t.id}>
                    {fullName(t)}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {formReady ? (
              <button
                type="button"
                className={buttonClassName({ variant: 'primary' })}
                onClick={() => openNewBlock(null)}
              >
                New availability block
              </button>
            ) : null}
          </div>

          <h2>{staffId === viewer.staffId ? 'My calendar' : `${therapistName}’s calendar`}</h2>
          <p id={zoneId} className={styles.scheduleZone}>
            Times in {describeTimeZone(viewerTimeZone())}.
          </p>
          {manage ? null : (
            <p className="muted">
              You can view this calendar; {therapistName} and your clinic’s org admins change its
              availability.
            </p>
          )}
          <CalendarLegend />
          <p role="status" className="result-count">
            {notice}
          </p>
          {calendar.error ? (
            <ErrorState
              title="The calendar could not be loaded."
              error={calendar.error}
              onRetry={calendar.refetch}
            />
          ) : null}
          {(calendar.pending || !namesSettled) && !calendar.error ? (
            <LoadingState label="Loading the calendar…" />
          ) : null}
          <AvailabilityCalendar
            label={`${therapistName}’s calendar`}
            describedBy={zoneId}
            events={events}
            view={view}
            date={date}
            onView={setView}
            onNavigate={setDate}
            onSelectRange={formReady ? openNewBlock : undefined}
            onOpenEvent={openEvent}
          />
        </>
      ) : null}

      {dialog?.kind === 'block' && staffId !== null && locations.data ? (
        <AvailabilityBlockDialog
          mode={dialog.mode}
          orgId={orgId}
          staffId={staffId}
          therapistName={therapistName}
          locations={locations.data}
          showAcceptExternal={showToggle}
          externalReachProblems={externalReachProblems(enrollment.data)}
          onClose={() => setDialog(null)}
          onDone={setNotice}
        />
      ) : null}
      {dialog?.kind === 'details' ? (
        <EventDetailsDialog
          event={dialog.event}
          block={dialog.block}
          office={locations.data?.find((l) => l.id === dialog.event.locationId) ?? null}
          clinicTimeZone={membership.organization.time_zone}
          therapistName={therapistName}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}
