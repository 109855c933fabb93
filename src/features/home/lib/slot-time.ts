import { formatDateTime } from '@/lib/datetime';

/**
 * When a requested appointment is, in its office's time zone (named), with the viewer's own time
 * in brackets only when it reads differently (architecture §5.8).
 */
export function slotTimeText(slotStart: string, officeZone: string, viewerZone: string): string {
  const office = formatDateTime(slotStart, { timeZone: officeZone });
  const viewer = formatDateTime(slotStart, { timeZone: viewerZone });
  return office === viewer ? office : `${office} (your time: ${viewer})`;
}
