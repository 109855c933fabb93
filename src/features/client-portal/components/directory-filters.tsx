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
      className="portal-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <h2 id={headingId}>Filter therapists</h2>
      <div className="portal-filter-grid">
        {filterNames.map((name) => {
          const { label, vocabulary } = filterDefinitions[name];
          const id = `${idPrefix}-${name}`;
          return (
            <div className="field" key={name}>
              <label htmlFor={id}>{label}</label>
              <select id={id} value={filters[name] ?? ''} onChange={(event) => set(name, event.target.value)}>
                <option value="">Any</option>
                {vocabularyKeys(vocabulary).map((key) => (
                  <option key={key} value={key}>
                    {vocabularyLabel(vocabulary, key)}
                  </option>
                ))}
              </select>
            </div>
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
