import { describe, expect, it } from 'vitest';
import { profileDraftSchema, profileSubmitSchema } from '../schemas';
import { emptyProfileForm, toFormValues } from './form-values';
import { fieldErrorsInFormOrder } from './validation';

describe('fieldErrorsInFormOrder', () => {
  it('names every required field of an empty profile on Submit, one message each, in form order', () => {
    const result = profileSubmitSchema.safeParse(emptyProfileForm);
    expect(result.success).toBe(false);
    expect(fieldErrorsInFormOrder(result.error!.issues)).toEqual([
      { field: 'professional_title', message: 'Professional title is required to submit.' },
      { field: 'license_type', message: 'License type is required to submit.' },
      { field: 'license_state', message: 'License state is required to submit.' },
      { field: 'license_number', message: 'License number is required to submit.' },
      { field: 'about_me', message: 'About me needs at least 150 characters to submit.' },
      { field: 'specialties', message: 'Choose at least one specialty.' },
      { field: 'treatment_approaches', message: 'Choose at least one treatment approach.' },
      { field: 'ages_served', message: 'Choose at least one age group.' },
      { field: 'session_formats', message: 'Choose at least one session format.' },
      { field: 'languages', message: 'Choose at least one language.' },
    ]);
  });

  it('a draft with invalid values: only those fields, whatever order zod reports them in', () => {
    const result = profileDraftSchema.safeParse({
      ...emptyProfileForm,
      website: 'http://example.com',
      professional_title: 'P',
      years_in_practice: 'ten',
    });
    expect(fieldErrorsInFormOrder(result.error!.issues).map((e) => e.field)).toEqual([
      'professional_title',
      'years_in_practice',
      'website',
    ]);
  });

  it('an empty draft is valid: Save keeps whatever is filled in', () => {
    expect(profileDraftSchema.safeParse(emptyProfileForm).success).toBe(true);
  });
});

describe('toFormValues', () => {
  it('turns stored nulls into empty inputs and numbers into text, lists kept', () => {
    expect(
      toFormValues({ years_in_practice: 12, professional_title: null, languages: ['en'] }),
    ).toMatchObject({
      years_in_practice: '12',
      professional_title: '',
      languages: ['en'],
      specialties: [],
    });
  });
  it('round-trips through the draft schema', () => {
    const stored = {
      ...emptyProfileForm,
      years_in_practice: '12',
      website: 'https://example.org/me',
      languages: ['en', 'es'],
    };
    expect(profileDraftSchema.parse(stored)).toMatchObject({
      years_in_practice: 12,
      website: 'https://example.org/me',
      languages: ['en', 'es'],
      about_me: null,
    });
  });
});
