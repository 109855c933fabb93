/**
 * Open times as a prospective client reads them: in their own time zone, always with the zone
 * named, grouped by their local day.
 */
import { dateTimeFormat } from '@/lib/datetime';
import type { PortalSlot } from '../schemas';

interface ZoneOptions {
  /** IANA zone; the viewer's by default. */
  timeZone?: string;
  locale?: string;
}

/** "9:00 AM EDT" */
export function formatSlotTime(value: string, { timeZone, locale = 'en-US' }: ZoneOptions = {}): string {
  return dateTimeFormat(locale, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(value));
}

/** "Mon, May 4, 2026" */
export function formatSlotDay(value: string, { timeZone, locale = 'en-US' }: ZoneOptions = {}): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(value));
}

/** The local calendar day of an instant, as YYYY-MM-DD. */
function dayKey(value: string, timeZone: string | undefined): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(value),
  );
}

export interface SlotDay {
  /** YYYY-MM-DD in the zone */
  day: string;
  label: string;
  slots: PortalSlot[];
}

/** Slots grouped by local day, days and times in order. */
export function groupSlotsByDay(slots: readonly PortalSlot[], options: ZoneOptions = {}): SlotDay[] {
  const sorted = [...slots].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const days: SlotDay[] = [];
  for (const slot of sorted) {
    const day = dayKey(slot.start, options.timeZone);
    const last = days.at(-1);
    if (last?.day === day) last.slots.push(slot);
    else days.push({ day, label: formatSlotDay(slot.start, options), slots: [slot] });
  }
  return days;
}

/** A slot's length in whole minutes. */
export const slotMinutes = (slot: PortalSlot): number =>
  Math.round((Date.parse(slot.end) - Date.parse(slot.start)) / 60_000);
