import { describe, expect, it } from 'vitest';
import { missingProfileFields, requiredFieldCount, summarizeMissing } from './profile-gaps';

const complete = {
  professional_title: 'LCSW',
  license_type: 'lcsw',
  license_state: 'MA',
  license_number: 'LC-1234',
  about_me: 'a'.repeat(150),
  specialties: ['anxiety'],
  treatment_approaches: ['cbt'],
  ages_served: ['adults'],
  session_formats: ['telehealth'],
  languages: ['en'],
};

describe('missingProfileFields', () => {
  it('is empty for a profile that can be submitted', () => {
    expect(missingProfileFields(complete)).toEqual([]);
  });

  it('names every required field of an empty profile, in form order', () => {
    const empty = missingProfileFields({
      professional_title: null,
      license_type: null,
      license_state: null,
      license_number: null,
      about_me: null,
      specialties: null,
      treatment_approaches: [],
      ages_served: [],
      session_formats: [],
      languages: [],
    });
    expect(empty).toHaveLength(requiredFieldCount);
    expect(empty[0]).toBe('Professional title');
    expect(empty[4]).toBe('About me (at least 150 characters)');
    expect(empty.at(-1)).toBe('Languages');
  });

  it('counts About me in characters as the database does (an emoji once), and blank text as missing', () => {
    expect(missingProfileFields({ ...complete, about_me: '😀'.repeat(150) })).toEqual([]);
    expect(missingProfileFields({ ...complete, about_me: 'a'.repeat(149) })).toEqual([
      'About me (at least 150 characters)',
    ]);
    expect(missingProfileFields({ ...complete, professional_title: '  ' })).toEqual(['Professional title']);
  });
});

describe('summarizeMissing', () => {
  it('lists up to three, then counts the rest', () => {
    expect(summarizeMissing(['A'])).toBe('A');
    expect(summarizeMissing(['A', 'B', 'C'])).toBe('A, B and C');
    expect(summarizeMissing(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
  });
});
