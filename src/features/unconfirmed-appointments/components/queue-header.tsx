import { TabNav } from '@/components/ui/tab-nav';
import { paths } from '@/lib/access/paths';

const tabs = [
  { label: 'Unconfirmed', to: paths.unconfirmedAppointments, end: true },
  { label: 'Handled', to: paths.unconfirmedAppointmentsHandled },
] as const;

/** The screen's heading and its two tabs (pages with their own address): the queue and its history. */
export function QueueHeader() {
  return (
    <>
      <p className="eyebrow">Schedule</p>
      <h1 id="unconfirmed-title">Unconfirmed Appointments</h1>
      <TabNav label="Requests" tabs={tabs} />
    </>
  );
}
