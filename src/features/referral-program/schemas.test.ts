import { describe, expect, it } from 'vitest';
import { editPayersFormSchema, enrollStaffSchema, setEnrollmentPayersSchema } from './schemas';

const staff = '57af0000-0000-4000-8000-000000000006';
const aetna = 'b0a1e000-0000-4000-8000-000000000001';
const cigna = 'b0a1e000-0000-4000-8000-000000000003';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]) ?? [];

describe('enrollStaffSchema', () => {
  it('accepts a staff member and distinct payers', () => {
    expect(enrollStaffSchema.parse({ staffId: staff, payerIds: [aetna, cigna] })).toEqual({
      staffId: staff,
      payerIds: [aetna, cigna],
    });
  });

  it('names each missing field', () => {
    expect(messages(enrollStaffSchema.safeParse({ staffId: '', payerIds: [] }))).toEqual([
      ['staffId', 'Choose a staff member.'],
      ['payerIds', 'Choose at least one payer.'],
    ]);
  });

  it('matches the database: no duplicate payers, ids it reads as uuids', () => {
    expect(messages(enrollStaffSchema.safeParse({ staffId: staff, payerIds: [aetna, aetna] }))).toEqual([
      ['payerIds', 'Each payer can be chosen once.'],
    ]);
    expect(messages(enrollStaffSchema.safeParse({ staffId: 'daniel', payerIds: ['aetna'] }))).toEqual([
      ['staffId', 'Choose a staff member from the list.'],
      ['payerIds.0', 'Choose payers from the list.'],
    ]);
  });
});

describe('setEnrollmentPayersSchema and the Edit form', () => {
  it('requires at least one payer', () => {
    expect(messages(editPayersFormSchema.safeParse({ payerIds: [] }))).toEqual([
      ['payerIds', 'Choose at least one payer.'],
    ]);
    expect(
      setEnrollmentPayersSchema.safeParse({
        enrollmentId: 'e0e00000-0000-4000-8000-000000000004',
        payerIds: [cigna],
      }).success,
    ).toBe(true);
    expect(setEnrollmentPayersSchema.safeParse({ enrollmentId: 'nope', payerIds: [cigna] }).success).toBe(
      false,
    );
  });
});
