import { describe, expect, it } from 'vitest';
import { profileLimits } from '../schemas';
import { missingRequiredFields } from './completeness';
import { emptyProfileForm, toFormValues } from './form-values';

const complete = {
  ...emptyProfileForm,
  professional_title: 'LMHC',
  license_type: 'lmhc',
  license_state: 'MA',
  license_number: 'MH-20931',
  about_me: 'x'.repeat(profileLimits.aboutMin),
  specialties: ['anxiety'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: ['en'],
};

describe('missingRequiredFields', () => {
  it('lists every required field of an empty profile, in form order', () => {
    expect(missingRequiredFields(emptyProfileForm).map((m) => m.label)).toEqual([
      'Professional title / credentials',
      'License type',
      'License state',
      'License number',
      'About me (at least 150 characters)',
      'Specialties',
      'Treatment approaches',
      'Ages served',
      'Session formats',
      'Languages',
    ]);
  });

  it('is empty for a complete profile; optional fields never count', () => {
    expect(missingRequiredFields(complete)).toEqual([]);
  });

  it('counts blank text as missing, and About me until it reaches the minimum (in characters, as Postgres counts)', () => {
    expect(missingRequiredFields({ ...complete, professional_title: '   ' }).map((m) => m.field)).toEqual([
      'professional_title',
    ]);
    expect(
      missingRequiredFields({ ...complete, about_me: 'x'.repeat(profileLimits.aboutMin - 1) }).map(
        (m) => m.field,
      ),
    ).toEqual(['about_me']);
    // 150 emoji are 300 UTF-16 units but 150 characters: enough
    expect(missingRequiredFields({ ...complete, about_me: '🙂'.repeat(profileLimits.aboutMin) })).toEqual([]);
    expect(
      missingRequiredFields({ ...complete, about_me: '🙂'.repeat(profileLimits.aboutMin - 1) }).map(
        (m) => m.field,
      ),
    ).toEqual(['about_me']);
  });

  it('reads a stored draft (the seed’s Jordan: title, license type and state, specialties, languages)', () => {
    const jordan = toFormValues({
      professional_title: 'LCSW',
      license_type: 'lcsw',
      license_state: 'MA',
      license_number: null,
      about_me: null,
      specialties: ['trauma_ptsd', 'grief_loss'],
      treatment_approaches: [],
      ages_served: [],
      session_formats: [],
      languages: ['en', 'es'],
    });
    expect(missingRequiredFields(jordan).map((m) => m.field)).toEqual([
      'license_number',
      'about_me',
      'treatment_approaches',
      'ages_served',
      'session_formats',
    ]);
  });
});
