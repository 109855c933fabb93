/** Validation results as the form shows them: one message per field, in form order. */
import type { z } from 'zod';
import type { ProfileField } from '../schemas';
import { profileFieldOrder } from './fields';

export interface FieldError {
  field: ProfileField;
  message: string;
}

/** The first message of each field with issues, fields in the order the form shows them. */
export function fieldErrorsInFormOrder(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const first = new Map<ProfileField, string>();
  for (const issue of issues) {
    const field = issue.path[0];
    if (
      typeof field === 'string' &&
      (profileFieldOrder as string[]).includes(field) &&
      !first.has(field as ProfileField)
    ) {
      first.set(field as ProfileField, issue.message);
    }
  }
  return profileFieldOrder
    .filter((field) => first.has(field))
    .map((field) => ({ field, message: first.get(field) ?? '' }));
}
