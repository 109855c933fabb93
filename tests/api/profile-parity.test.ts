/**
 * The Public Profile form's zod schema and the database's CHECK constraints agree: the same
 * vocabularies, and the same verdict on values at and past every limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { profileDraftSchema } from '../../src/features/public-profile/schemas.ts';
import { vocabulary, vocabularyKeys, type VocabularyKind } from '../../src/lib/profile-vocabulary.ts';
import { createStaff } from './factories.ts';
import { serviceClient, personasForThisFile, withDb } from './personas.ts';

const personas = personasForThisFile();
const service = serviceClient();
let staffId: string;

beforeAll(async () => {
  staffId = (await createStaff({ org: personas.clinic.id })).id;
  const { error } = await service
    .from('public_profiles')
    .insert({ staff_id: staffId, org_id: personas.clinic.id });
  if (error) throw error;
});

describe('vocabularies', () => {
  for (const kind of Object.keys(vocabulary) as VocabularyKind[]) {
    it(`${kind}: the app and the database list the same keys`, async () => {
      const dbKeys = await withDb(
        async (db) => (await db.query('select private.profile_vocabulary($1) as keys', [kind])).rows[0].keys,
      );
      expect(vocabularyKeys(kind)).toEqual(dbKeys);
    });
  }
});

const text = (n: number) => 'x'.repeat(n);
const cases: [field: string, value: unknown][] = [
  ['professional_title', 'P'],
  ['professional_title', 'PhD'],
  ['professional_title', text(100)],
  ['professional_title', text(101)],
  ['license_type', 'lcsw'],
  ['license_type', 'shaman'],
  ['license_state', 'MA'],
  ['license_state', 'XX'],
  ['license_number', 'AB'],
  ['license_number', 'PSY-10482'],
  ['license_number', 'bad number!'],
  ['license_number', text(21)],
  ['about_me', text(2000)],
  ['about_me', text(2001)],
  ['specialties', ['anxiety', 'adhd']],
  ['specialties', ['anxiety', 'anxiety']],
  ['specialties', ['astrology']],
  ['languages', ['ase']],
  ['languages', ['klingon']],
  ['session_formats', ['in_person', 'telehealth']],
  ['ages_served', ['toddlers']],
  ['education', 'B'],
  ['education', text(500)],
  ['education', text(501)],
  ['years_in_practice', 0],
  ['years_in_practice', 70],
  ['years_in_practice', 71],
  ['years_in_practice', -1],
  ['website', 'https://harborviewcounseling.com/team'],
  ['website', 'http://harborviewcounseling.com'],
  ['website', 'harborviewcounseling.com'],
  ['pronouns', text(40)],
  ['pronouns', text(41)],
  ['gender_identity', text(61)],
  ['first_session_note', text(1000)],
  ['first_session_note', text(1001)],
];

describe('limits', () => {
  // an empty draft as the form holds it: every text field blank, every list empty
  const emptyForm = Object.fromEntries(
    Object.keys(profileDraftSchema.shape).map((key) => [
      key,
      /^(specialties|treatment_approaches|ages_served|session_formats|languages)$/.test(key) ? [] : '',
    ]),
  );

  it.each(cases.map(([field, value]) => [field, String(value).slice(0, 24), value] as const))(
    '%s = %s…: zod and the CHECK constraints agree',
    async (field, _shown, value) => {
      const zodAccepts = profileDraftSchema.safeParse({ ...emptyForm, [field]: value }).success;
      const { error } = await service
        .from('public_profiles')
        .update({ [field]: value } as never)
        .eq('staff_id', staffId);
      expect(
        error === null,
        `zod ${zodAccepts ? 'accepts' : 'refuses'}, the database says ${error?.message ?? 'ok'}`,
      ).toBe(zodAccepts);
    },
  );
});
