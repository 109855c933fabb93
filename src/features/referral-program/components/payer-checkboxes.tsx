import type { Ref } from 'react';
import { CheckboxGroupField } from '@/components/ui/field';
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
  return (
    <CheckboxGroupField
      name="payerIds"
      label="Payers that may refer clients"
      hint="Choose at least one. Members of these insurance payers can request appointments with the therapist."
      error={error}
      announceError
      options={payers.map((payer) => ({ value: payer.id, label: payer.name }))}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      firstRef={firstInputRef}
    />
  );
}
