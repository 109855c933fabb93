import { useRef } from 'react';
import { Link } from 'react-router';
import { formatAppointmentTime } from '@/lib/appointment-time';
import { paths } from '@/lib/access/paths';
import type { ScheduleLocation } from '../api/get-locations';
import { describeBlock, type AvailabilityBlock } from '../lib/block-form';
import { eventKinds, type CalendarEvent } from '../lib/calendar-events';
import { formatLength } from '../lib/calendar-formats';
import { timeZoneName } from '../lib/time-zones';
import { DialogFooter, ModalDialog } from '@/components/ui/modal-dialog';
import { buttonClassName } from '@/components/ui/button';
import styles from './schedule.module.css';

interface EventDetailsDialogProps {
  event: CalendarEvent;
  /** The availability block of an availability event. */
  block: AvailabilityBlock | null;
  /** The office the event is at; its zone and name say when the event is (the one clock). */
  office: ScheduleLocation | null;
  /** The clinic's zone, for an event at no office. */
  clinicTimeZone: string;
  therapistName: string;
  onClose: () => void;
}

/** What an event is, read-only: appointments and requests for everyone, blocks for those who only view them. */
export function EventDetailsDialog({
  event,
  block,
  office,
  clinicTimeZone,
  therapistName,
  onClose,
}: EventDetailsDialogProps) {
  const closeButton = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title={eventKinds[event.kind].label}
      description={`On ${therapistName}’s calendar`}
      onClose={onClose}
      initialFocus={closeButton}
    >
      <dl className={`${styles.modalDetails} details-list`}>
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={event.start.toISOString()}>
              {formatAppointmentTime(event.start, {
                officeTimeZone: office?.time_zone ?? clinicTimeZone,
                officeName: office?.name,
              })}
            </time>
          </dd>
        </div>
        <div>
          <dt>Length</dt>
          <dd>{formatLength(event.start, event.end)}</dd>
        </div>
        {block ? (
          <>
            <div>
              <dt>Block</dt>
              <dd>
                {describeBlock(block)}
                {office ? ` (${timeZoneName(office.time_zone)})` : ''}
              </dd>
            </div>
            <div>
              <dt>Accept External Appointments</dt>
              <dd>{block.accept_external ? 'Yes' : 'No'}</dd>
            </div>
          </>
        ) : null}
        {event.detail ? (
          <div>
            <dt>{event.kind === 'request' ? 'Requested by' : 'Client'}</dt>
            <dd>{event.detail}</dd>
          </div>
        ) : null}
      </dl>
      {event.kind === 'request' ? (
        <p>
          Confirm or decline it under <Link to={paths.unconfirmedAppointments}>Unconfirmed Appointments</Link>
          .
        </p>
      ) : null}
      <DialogFooter>
        <button
          type="button"
          className={buttonClassName({ variant: 'primary' })}
          onClick={onClose}
          ref={closeButton}
        >
          Close
        </button>
      </DialogFooter>
    </ModalDialog>
  );
}
