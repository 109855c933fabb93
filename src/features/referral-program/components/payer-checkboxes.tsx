import { useId, type Ref } from 'react';
import type { PayerRef } from '../api/get-program-grid';

interface PayerCheckboxesProps {
  payers: readonly PayerRef[];
  value: readonly string[];
  onChange: (payerIds: string[]) => void;
  onBlur?: () => void;
  /** The first checkbox, so a form can move focus to the group when it has an error. */
  firstInputRef?: Ref<HTMLInputElement>;
  error?: string;
}

/** The payer multi-select: a checkbox per payer in a fieldset; the value keeps the catalog's order. */
export function PayerCheckboxes({
  payers,
  value,
  onChange,
  onBlur,
  firstInputRef,
  error,
}: PayerCheckboxesProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const chosen = new Set(value);

  function toggle(payerId: string, checked: boolean) {
    const next = new Set(chosen);
    if (checked) next.add(payerId);
    else next.delete(payerId);
    onChange(payers.filter((payer) => next.has(payer.id)).map((payer) => payer.id));
  }

  return (
    <fieldset className="checkbox-group" aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend>Payers that may refer clients</legend>
      <p id={hintId} className="field-hint">
        Choose at least one. Members of these insurance payers can request appointments with the therapist.
      </p>
      <ul>
        {payers.map((payer, index) => (
          <li key={payer.id}>
            <label>
              <input
                ref={index === 0 ? firstInputRef : undefined}
                type="checkbox"
                name="payerIds"
                value={payer.id}
                checked={chosen.has(payer.id)}
                aria-invalid={error ? true : undefined}
                onChange={(event) => toggle(payer.id, event.target.checked)}
                onBlur={onBlur}
              />
              {payer.name}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
