/**
 * The profile form's fields: a label (with a red asterisk when the field is required to submit),
 * an optional hint, the control, and its error, wired together for assistive technology.
 */
import { useEffect, useState, type ComponentProps, type ReactNode } from 'react';
import { charCount } from '../schemas';
import { vocabulary, vocabularyKeys, type VocabularyKind } from '@/lib/profile-vocabulary';

/** The id of a field's control (what a label, an error link or focus points at). */
export const fieldId = (field: string) => `profile-${field}`;

/** The red asterisk of a required field; the control itself says "required" to assistive technology. */
export function RequiredMark() {
  return (
    <span className="required-mark" aria-hidden="true">
      *
    </span>
  );
}

interface FieldShellProps {
  field: string;
  label: string;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  /** Extra descriptions of the control (e.g. a character count), after the hint and error. */
  extraDescriptionIds?: string[];
  children: (control: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
    'aria-required'?: true;
  }) => ReactNode;
  after?: ReactNode;
}

function FieldShell({
  field,
  label,
  required = false,
  hint,
  error,
  extraDescriptionIds = [],
  children,
  after,
}: FieldShellProps) {
  const id = fieldId(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId, ...extraDescriptionIds].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
        'aria-required': required ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {after}
    </div>
  );
}

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
    <FieldShell field={field} label={label} required={required} hint={hint} error={error}>
      {(control) => <input type="text" {...input} {...control} />}
    </FieldShell>
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
    <FieldShell field={field} label={label} required={required} hint={hint} error={error}>
      {(control) => (
        <select {...select} {...control}>
          <option value="">{placeholder}</option>
          {vocabularyKeys(kind).map((key) => (
            <option key={key} value={key}>
              {labels[key]}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
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
      <p id={countId(field)} className={over ? 'char-count char-count-over' : 'char-count'}>
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
    <FieldShell
      field={field}
      label={label}
      required={required}
      hint={hint}
      error={error}
      extraDescriptionIds={[countId(field)]}
      after={count}
    >
      {(control) => <textarea {...textarea} {...control} />}
    </FieldShell>
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
  const id = fieldId(field);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const keys = vocabularyKeys(kind);
  const labels = vocabulary[kind] as Record<string, string>;
  const toggle = (key: string, checked: boolean) =>
    // kept in vocabulary order, whatever the order of clicks
    onChange(keys.filter((k) => (k === key ? checked : value.includes(k))));
  return (
    <fieldset
      className={error ? 'checkbox-group has-error' : 'checkbox-group'}
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
    >
      <legend>
        {label}
        {required ? (
          <>
            <RequiredMark />
            <span className="visually-hidden"> (required)</span>
          </>
        ) : null}
      </legend>
      <p id={hintId} className="field-hint">
        {required ? 'Choose at least one.' : 'Choose any that apply.'}
      </p>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {keys.map((key, index) => (
          <label key={key} className="checkbox">
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${key}`}
              ref={index === 0 ? firstRef : undefined}
              name={field}
              value={key}
              checked={value.includes(key)}
              onChange={(event) => toggle(key, event.target.checked)}
              onBlur={onBlur}
            />
            <span>{labels[key]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
