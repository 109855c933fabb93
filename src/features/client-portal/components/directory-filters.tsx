import { useId } from 'react';
import {
  filterDefinitions,
  filterNames,
  hasFilters,
  type ClinicFilterName,
  type DirectoryFilters,
  type FilterName,
} from '../lib/filters';
import type { PortalClinic } from '../schemas';
import { vocabularyKeys, vocabularyLabel } from '@/lib/profile-vocabulary';
import { buttonClassName } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field-base';
import styles from './client-portal.module.css';

interface DirectoryFiltersFormProps {
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
  /** The clinic's offices (a filter when there is more than one) and the payers its therapists take. */
  locations: PortalClinic['locations'];
  payers: PortalClinic['payers'];
}

/** Labelled selects, one per filter; a change applies at once (the result count is announced). */
export function DirectoryFiltersForm({ filters, onChange, locations, payers }: DirectoryFiltersFormProps) {
  const headingId = useId();
  const idPrefix = useId();
  const set = (name: FilterName | ClinicFilterName, value: string) =>
    onChange({ ...filters, [name]: value || undefined });

  return (
    <form
      role="search"
      aria-labelledby={headingId}
      className={styles.portalFilters}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={headingId}>Filter therapists</h2>
      <div className={styles.portalFilterGrid}>
        {locations.length > 1 ? (
          <SelectField
            id={`${idPrefix}-location`}
            label="Office"
            value={filters.location ?? ''}
            onChange={(event) => set('location', event.target.value)}
          >
            <option value="">Any office</option>
            {locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name} ({location.city}, {location.state})
              </option>
            ))}
          </SelectField>
        ) : null}
        {payers.length > 0 ? (
          <SelectField
            id={`${idPrefix}-insurance`}
            label="Insurance"
            value={filters.insurance ?? ''}
            onChange={(event) => set('insurance', event.target.value)}
          >
            <option value="">Any</option>
            {payers.map((payer) => (
              <option key={payer.id} value={payer.id}>
                {payer.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        {filterNames.map((name) => {
          const { label, vocabulary } = filterDefinitions[name];
          const id = `${idPrefix}-${name}`;
          return (
            <SelectField
              key={name}
              id={id}
              label={label}
              value={filters[name] ?? ''}
              onChange={(event) => set(name, event.target.value)}
            >
              <option value="">Any</option>
              {vocabularyKeys(vocabulary).map((key) => (
                <option key={key} value={key}>
                  {vocabularyLabel(vocabulary, key)}
                </option>
              ))}
            </SelectField>
          );
        })}
      </div>
      {hasFilters(filters) ? (
        <button
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => onChange({})}
        >
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
