import type { DataColumn } from '@/components/ui/data-table';
import { count, hours, percent, type BreakdownRow } from '../lib/figures';
import { Sparkline } from './sparkline';

/**
 * The columns of a per-therapist or per-source table: volume, confirm and expiry rates, median
 * time to decision (each sortable) and a sparkline of weekly requests.
 */
export function breakdownColumns(nameHeader: string): DataColumn<BreakdownRow>[] {
  return [
    { id: 'name', header: nameHeader, rowHeader: true, sortable: true, width: '24%', cell: (r) => r.name },
    { id: 'volume', header: 'Requests', sortable: true, width: '13%', cell: (r) => count(r.volume) },
    {
      id: 'confirm',
      header: 'Confirm rate',
      sortable: true,
      width: '14%',
      cell: (r) => percent(r.confirm_rate),
    },
    {
      id: 'expiry',
      header: 'Expiry rate',
      sortable: true,
      width: '13%',
      cell: (r) => percent(r.expiry_rate),
    },
    {
      id: 'median',
      header: 'Median time to decision',
      sortable: true,
      width: '18%',
      cell: (r) => hours(r.median_hours),
    },
    {
      id: 'weekly',
      header: 'Requests per week',
      cell: (r) => <Sparkline values={r.weekly} label={`Requests per week for ${r.name}`} />,
    },
  ];
}

/** What a breakdown table's caption says, for screen readers. */
export const breakdownCaption = (title: string) =>
  `${title}: requests, confirm and expiry rates, median time to decision, requests per week`;
