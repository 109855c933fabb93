/**
 * The one contract for the Public Profile form and its mutations, matching the CHECK constraints
 * of public.public_profiles (a test compares them). A draft saves any valid subset; submitting
 * needs every required field.
 */
import { z } from 'zod';
import {
  aboutMeMinimum,
  charCount,
  requiredProfileFields as requiredFields,
} from '@/lib/profile-requirements';
import { vocabularyKeys, type VocabularyKind } from '@/lib/profile-vocabulary';

/** Empty text from a form field means "not filled in" (null in the database). */
const optionalText = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .min(min, `${label} needs at least ${min} characters.`)
      .max(max, `${label} can have at most ${max} characters.`)
      .nullable(),
  );

const optionalChoice = (kind: VocabularyKind, label: string) =>
  z.preprocess(
    (v) => (v === '' ? null : v),
    z
      .enum(vocabularyKeys(kind) as [string, ...string[]], {
        error: `Choose a ${label.toLowerCase()} from the list.`,
      })
      .nullable(),
  );

const choiceList = (kind: VocabularyKind, label: string) =>
  z
    .array(
      z.enum(vocabularyKeys(kind) as [string, ...string[]], { error: `${label}: choose from the list.` }),
    )
    .refine((items) => new Set(items).size === items.length, `${label}: each choice once.`);

/** Characters as Postgres counts them (code points): the rule of src/lib/profile-requirements.ts. */
export { charCount };

export const profileLimits = {
  aboutMin: aboutMeMinimum,
  aboutMax: 2000,
  firstSessionNoteMax: 1000,
  yearsMax: 70,
} as const;

export const profileDraftSchema = z.object({
  professional_title: optionalText(2, 100, 'Professional title'),
  license_type: optionalChoice('license_type', 'License type'),
  license_state: optionalChoice('us_state', 'License state'),
  license_number: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^[A-Za-z0-9-]{3,20}$/, 'License number: 3–20 letters, digits or dashes.')
      .nullable(),
  ),
  about_me: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z
      .string()
      .refine(
        (text) => charCount(text) <= profileLimits.aboutMax,
        `About me can have at most ${profileLimits.aboutMax} characters.`,
      )
      .nullable(),
  ),
  specialties: choiceList('specialty', 'Specialties'),
  treatment_approaches: choiceList('treatment_approach', 'Treatment approaches'),
  ages_served: choiceList('age_group', 'Ages served'),
  session_formats: choiceList('session_format', 'Session formats'),
  languages: choiceList('language', 'Languages'),
  education: optionalText(2, 500, 'Education'),
  years_in_practice: z.preprocess(
    (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
    z
      .number({ error: 'Years in practice must be a whole number.' })
      .int('Years in practice must be a whole number.')
      .min(0, 'Years in practice cannot be negative.')
      .max(profileLimits.yearsMax, `Years in practice can be at most ${profileLimits.yearsMax}.`)
      .nullable(),
  ),
  website: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .max(2048, 'Website address is too long.')
      .regex(/^https:\/\/[^\s/$.?#].[^\s]*$/, 'Website must be a full https:// address.')
      .nullable(),
  ),
  pronouns: optionalText(1, 40, 'Pronouns'),
  gender_identity: optionalText(1, 60, 'Gender identity'),
  first_session_note: optionalText(1, profileLimits.firstSessionNoteMax, 'What to expect in a first session'),
});

export type ProfileDraft = z.output<typeof profileDraftSchema>;
export type ProfileField = keyof ProfileDraft;

/** The list fields: arrays of vocabulary keys, at least one each to submit. */
export const profileListFields = [
  'specialties',
  'treatment_approaches',
  'ages_served',
  'session_formats',
  'languages',
] as const satisfies readonly ProfileField[];
export type ProfileListField = (typeof profileListFields)[number];

/**
 * What the form holds (the schemas' input): text inputs give strings, '' meaning "not filled in";
 * list fields give arrays of vocabulary keys.
 */
export type ProfileFormValues = { [K in ProfileField]: K extends ProfileListField ? string[] : string };

const required = (label: string) => `${label} is required to submit.`;

/** Submitting: the draft rules plus every required field. */
export const profileSubmitSchema = profileDraftSchema.superRefine((p, ctx) => {
  const need = (path: keyof ProfileDraft, ok: boolean, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  need('professional_title', p.professional_title !== null, required('Professional title'));
  need('license_type', p.license_type !== null, required('License type'));
  need('license_state', p.license_state !== null, required('License state'));
  need('license_number', p.license_number !== null, required('License number'));
  need(
    'about_me',
    charCount(p.about_me ?? '') >= profileLimits.aboutMin,
    `About me needs at least ${profileLimits.aboutMin} characters to submit.`,
  );
  need('specialties', p.specialties.length > 0, 'Choose at least one specialty.');
  need('treatment_approaches', p.treatment_approaches.length > 0, 'Choose at least one treatment approach.');
  need('ages_served', p.ages_served.length > 0, 'Choose at least one age group.');
  need('session_formats', p.session_formats.length > 0, 'Choose at least one session format.');
  need('languages', p.languages.length > 0, 'Choose at least one language.');
});

/** The required fields, in form order: the one rule of src/lib/profile-requirements.ts. */
export const requiredProfileFields = requiredFields satisfies readonly (keyof ProfileDraft)[];

/** Fields only the therapist may edit; an org admin sees them read-only (the database refuses too). */
export const therapistOnlyFields = [
  'pronouns',
  'gender_identity',
  'first_session_note',
] as const satisfies readonly (keyof ProfileDraft)[];
