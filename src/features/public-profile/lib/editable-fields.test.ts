import { describe, expect, it } from 'vitest';
import { profileDraftSchema, therapistOnlyFields, type ProfileDraft } from '../schemas';
import { editableProfileFields, submitState, writableChanges } from './editable-fields';
import { profileFieldOrder } from './fields';

const shared = profileFieldOrder.filter((f) => !(therapistOnlyFields as readonly string[]).includes(f));

describe('editableProfileFields', () => {
  it('a therapist edits every field of their own profile, therapist-only ones included', () => {
    expect(editableProfileFields(['therapist'], true)).toEqual(profileFieldOrder);
    expect(editableProfileFields(['therapist'], true)).toEqual(
      expect.arrayContaining(['pronouns', 'gender_identity', 'first_session_note']),
    );
  });

  it('an org admin edits the shared fields of any therapist, never the therapist-only ones', () => {
    const fields = editableProfileFields(['org_admin'], false);
    expect(fields).toEqual(shared);
    expect(fields).toHaveLength(13);
    for (const field of therapistOnlyFields) expect(fields).not.toContain(field);
  });

  it('a scheduler, or a therapist on a colleague’s profile, edits nothing', () => {
    expect(editableProfileFields(['scheduler'], false)).toEqual([]);
    expect(editableProfileFields(['therapist'], false)).toEqual([]);
    expect(editableProfileFields([], false)).toEqual([]);
  });

  it('roles add up: an admin who is also a therapist edits all of their own profile, the shared fields of others', () => {
    expect(editableProfileFields(['org_admin', 'therapist'], true)).toEqual(profileFieldOrder);
    expect(editableProfileFields(['org_admin', 'therapist'], false)).toEqual(shared);
    expect(editableProfileFields(['scheduler', 'therapist'], true)).toEqual(profileFieldOrder);
  });
});

describe('submitState', () => {
  const base = { enrollment_status: 'active' as const, submitted_at: null, canEdit: true };
  it('offers Submit Profile to an enrolled, active therapist’s unsubmitted profile', () => {
    expect(submitState(base)).toBe('available');
  });
  it('says why not otherwise', () => {
    expect(submitState({ ...base, enrollment_status: null })).toBe('not-enrolled');
    expect(submitState({ ...base, enrollment_status: 'deactivated' })).toBe('deactivated');
    expect(submitState({ ...base, submitted_at: '2026-03-05T14:30:00Z' })).toBe('submitted');
    expect(submitState({ ...base, canEdit: false })).toBe('not-allowed');
  });
});

describe('writableChanges', () => {
  const draft: ProfileDraft = profileDraftSchema.parse({
    professional_title: 'LCSW',
    license_type: '',
    license_state: '',
    license_number: '',
    about_me: '',
    specialties: ['anxiety'],
    treatment_approaches: [],
    ages_served: [],
    session_formats: [],
    languages: [],
    education: '',
    years_in_practice: '7',
    website: '',
    pronouns: 'she/her',
    gender_identity: '',
    first_session_note: '',
  });

  it('keeps only the keys the viewer may write: an admin’s save never carries therapist-only keys', () => {
    const changes = writableChanges(draft, editableProfileFields(['org_admin'], false));
    expect(Object.keys(changes)).toEqual(shared);
    expect(changes).not.toHaveProperty('pronouns');
    expect(changes).toMatchObject({
      professional_title: 'LCSW',
      years_in_practice: 7,
      license_type: null,
      specialties: ['anxiety'],
    });
  });

  it('sends every field for the therapist, and nothing for a read-only viewer', () => {
    expect(writableChanges(draft, editableProfileFields(['therapist'], true))).toMatchObject({
      pronouns: 'she/her',
      gender_identity: null,
    });
    expect(writableChanges(draft, [])).toEqual({});
  });
});
