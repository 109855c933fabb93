import { useId } from 'react';
import {
  filterDefinitions,
  filterNames,
  hasFilters,
  type DirectoryFilters,
  type FilterName,
} from '../lib/filters';
import { vocabularyKeys, vocabularyLabel } from '@/lib/profile-vocabulary';
import { buttonClassName } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import styles from './client-portal.module.css';

interface DirectoryFiltersFormProps {
  filters: DirectoryFilters;
  onChange: (filters: DirectoryFilters) => void;
}

/** Labelled selects, one per filter; a change applies at once (the result count is announced). */
export function DirectoryFiltersForm({ filters, onChange }: DirectoryFiltersFormProps) {
  const headingId = useId();
  const idPrefix = useId();
  const set = (name: FilterName, value: string) => onChange({ ...filters, [name]: value || undefined });

  return (
    <form
      role="search"
      aria-labelledby={headingId}
      className={styles.portalFilters}
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={headingId}>Filter therapists</h2>
      <div className={styles.portalFilterGrid}>
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
