/**
 * The profile form's fields: a label (with a red asterisk when the field is required to submit),
 * an optional hint, the control, and its error, wired together for assistive technology.
 */
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import {
  CheckboxGroupField,
  RequiredMark,
  SelectField,
  TextAreaField,
  TextField,
} from '@/components/ui/field';
import styles from './public-profile.module.css';
import { charCount } from '../schemas';
import { vocabulary, vocabularyKeys, type VocabularyKind } from '@/lib/profile-vocabulary';

/** The id of a field's control (what a label, an error link or focus points at). */
export const fieldId = (field: string) => `profile-${field}`;

export { RequiredMark };

type Common = { field: string; label: string; required?: boolean; hint?: ReactNode; error?: string };

export function TextInput({
  field,
  label,
  required,
  hint,
  error,
  ...input
}: Common & Omit<ComponentProps<'input'>, 'id'>) {
  return (
    <TextField
      id={fieldId(field)}
      label={label}
      required={required}
      hint={hint}
      error={error}
      announceError={false}
      {...input}
    />
  );
}

export function SelectInput({
  field,
  label,
  required,
  hint,
  error,
  kind,
  placeholder,
  ...select
}: Common & { kind: VocabularyKind; placeholder: string } & Omit<
    ComponentProps<'select'>,
    'id' | 'children'
  >) {
  const labels = vocabulary[kind] as Record<string, string>;
  return (
    <SelectField
      id={fieldId(field)}
      label={label}
      required={required}
      hint={hint}
      error={error}
      announceError={false}
      {...select}
    >
      <option value="">{placeholder}</option>
      {vocabularyKeys(kind).map((key) => (
        <option key={key} value={key}>
          {labels[key]}
        </option>
      ))}
    </SelectField>
  );
}

/** The last value after it has stopped changing for `delayMs`. */
function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

const number = new Intl.NumberFormat('en-US');

const countId = (field: string) => `${fieldId(field)}-count`;

/**
 * A live character count for a textarea: part of the control's description, and read out to
 * screen readers once typing pauses, not on every keystroke.
 */
export function CharacterCount({
  field,
  text,
  minChars,
  maxChars,
}: {
  field: string;
  text: string;
  minChars?: number;
  maxChars: number;
}) {
  const count = charCount(text);
  const over = count > maxChars;
  const countText =
    `${number.format(count)} of ${number.format(maxChars)} characters` +
    (over
      ? ` (${number.format(count - maxChars)} too many)`
      : minChars !== undefined && count < minChars
        ? `, at least ${number.format(minChars)} to submit`
        : '');
  const settledText = useSettledValue(countText, 1000);
  return (
    <>
      <p
        id={countId(field)}
        className={over ? `${styles.charCount} ${styles.charCountOver}` : styles.charCount}
      >
        {countText}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {settledText}
      </p>
    </>
  );
}

/** A textarea with its character count (a CharacterCount for the same field). */
export function TextAreaWithCount({
  field,
  label,
  required,
  hint,
  error,
  count,
  ...textarea
}: Common & { count: ReactNode } & Omit<ComponentProps<'textarea'>, 'id'>) {
  return (
    <TextAreaField
      id={fieldId(field)}
      label={label}
      required={required}
      hint={hint}
      error={error}
      announceError={false}
      describedBy={[countId(field)]}
      after={count}
      {...textarea}
    />
  );
}

/**
 * A required-to-submit list field: checkboxes in a fieldset whose legend names the list. "Required"
 * is said in the legend (aria-required belongs to single controls, not to a group of checkboxes).
 */
export function CheckboxGroup({
  field,
  label,
  required,
  error,
  kind,
  value,
  onChange,
  onBlur,
  firstRef,
}: {
  field: string;
  label: string;
  required?: boolean;
  error?: string;
  kind: VocabularyKind;
  value: readonly string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  firstRef?: (element: HTMLInputElement | null) => void;
}) {
  const labels = vocabulary[kind] as Record<string, string>;
  return (
    <CheckboxGroupField
      id={fieldId(field)}
      name={field}
      label={label}
      required={required}
      hint={required ? 'Choose at least one.' : 'Choose any that apply.'}
      error={error}
      // kept in vocabulary order, whatever the order of clicks
      options={vocabularyKeys(kind).map((key) => ({ value: key, label: labels[key] }))}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      firstRef={firstRef}
      columns
    />
  );
}
