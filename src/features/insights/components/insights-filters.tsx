import { useId } from 'react';
import { DateTimeField, SelectField } from '@/components/ui/field';
import type { InsightsChoices } from '../api/get-insights-choices';
import type { InsightsFilters, PeriodPreset } from '../lib/period';
import styles from './insights.module.css';

export interface PeriodDraft {
  preset: PeriodPreset;
  from: string;
  to: string;
}

interface InsightsFiltersProps {
  period: PeriodDraft;
  onPeriodChange: (next: PeriodDraft) => void;
  /** why the custom range cannot be shown, or null */
  periodError: string | null;
  filters: InsightsFilters;
  onFiltersChange: (next: InsightsFilters) => void;
  choices: InsightsChoices | undefined;
  /** a therapist's own figures have no Therapist filter */
  therapistFilter: boolean;
  timeZone: string;
}

/** The period (last 30 or 90 days, or a range of the clinic's days) and the payer/source, therapist and office filters. */
export function InsightsFiltersForm({
  period,
  onPeriodChange,
  periodError,
  filters,
  onFiltersChange,
  choices,
  therapistFilter,
  timeZone,
}: InsightsFiltersProps) {
  const id = useId();
  const set = <K extends keyof InsightsFilters>(key: K, value: string) =>
    onFiltersChange({ ...filters, [key]: value });
  return (
    <form className={styles.filters} aria-label="Period and filters" onSubmit={(e) => e.preventDefault()}>
      <SelectField
        id={`${id}-period`}
        label="Period"
        hint={`Days in the clinic’s time zone (${timeZone})`}
        value={period.preset}
        onChange={(e) => onPeriodChange({ ...period, preset: e.target.value as PeriodPreset })}
      >
        <option value="last30">Last 30 days</option>
        <option value="last90">Last 90 days</option>
        <option value="custom">Custom range</option>
      </SelectField>
      {period.preset === 'custom' ? (
        <>
          <DateTimeField
            id={`${id}-from`}
            type="date"
            label="First day"
            value={period.from}
            onChange={(e) => onPeriodChange({ ...period, from: e.target.value })}
            error={periodError ?? undefined}
          />
          <DateTimeField
            id={`${id}-to`}
            type="date"
            label="Last day"
            value={period.to}
            onChange={(e) => onPeriodChange({ ...period, to: e.target.value })}
            describedBy={periodError ? [`${id}-from-error`] : undefined}
            aria-invalid={periodError ? true : undefined}
          />
        </>
      ) : null}
      <SelectField
        id={`${id}-source`}
        label="Source"
        value={filters.source}
        onChange={(e) => set('source', e.target.value)}
      >
        <option value="">All sources</option>
        <option value="client_portal">Client Portal</option>
        {(choices?.payers ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      {therapistFilter ? (
        <SelectField
          id={`${id}-therapist`}
          label="Therapist"
          value={filters.therapist}
          onChange={(e) => set('therapist', e.target.value)}
        >
          <option value="">All therapists</option>
          {(choices?.therapists ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        id={`${id}-office`}
        label="Office"
        value={filters.office}
        onChange={(e) => set('office', e.target.value)}
      >
        <option value="">All offices</option>
        {(choices?.offices ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
