import { describe, expect, it } from 'vitest';
import {
  describeRoles,
  refusal,
  unconfirmedAppointmentsScope,
  type AccessContext,
  type RouteAccess,
  type StaffRole,
  type Viewer,
} from './roles';

const me = 'aaaaaaaa-0000-4000-8000-000000000001';
const someoneElse = 'bbbbbbbb-0000-4000-8000-000000000002';
const viewer = (...roles: StaffRole[]): Viewer => ({ staffId: me, roles });
const inClinic = (v: Viewer, programEnabled = true): AccessContext => ({ ...v, programEnabled });

describe('refusal', () => {
  const staffRecord: RouteAccess = { roles: ['org_admin', 'scheduler'], ownRecordRoles: ['therapist'] };
  const programPage: RouteAccess = { roles: ['org_admin', 'therapist'], needsProgram: true };

  it('lets in the roles a rule names, and no one else', () => {
    expect(refusal({ roles: ['org_admin'] }, inClinic(viewer('org_admin')))).toBeNull();
    expect(refusal({ roles: ['org_admin'] }, inClinic(viewer('scheduler', 'therapist')))).toBe('role');
    expect(refusal({ roles: ['org_admin'] }, inClinic(viewer()))).toBe('role');
  });

  it('lets an own-record role in only to their own record', () => {
    expect(refusal(staffRecord, inClinic(viewer('therapist')), me)).toBeNull();
    expect(refusal(staffRecord, inClinic(viewer('therapist')), someoneElse)).toBe('role');
    expect(refusal(staffRecord, inClinic(viewer('therapist')))).toBe('role');
    expect(refusal(staffRecord, inClinic(viewer('scheduler')), someoneElse)).toBeNull();
  });

  it('refuses a program page to a clinic without the program, and says so', () => {
    expect(refusal(programPage, inClinic(viewer('therapist'), true))).toBeNull();
    expect(refusal(programPage, inClinic(viewer('therapist'), false))).toBe('program');
    // the role is checked first: a page someone may never open is refused for their role
    expect(refusal(programPage, inClinic(viewer('scheduler'), false))).toBe('role');
  });
});

describe('unconfirmedAppointmentsScope', () => {
  it('admins and schedulers work the organization’s queue; therapists see their own', () => {
    expect(unconfirmedAppointmentsScope(viewer('org_admin'))).toBe('organization');
    expect(unconfirmedAppointmentsScope(viewer('scheduler'))).toBe('organization');
    expect(unconfirmedAppointmentsScope(viewer('therapist'))).toBe('own');
    expect(unconfirmedAppointmentsScope(viewer())).toBeNull();
  });
});

describe('describeRoles', () => {
  it('lists roles in a stable order', () => {
    expect(describeRoles(['therapist', 'org_admin'])).toBe('Org admin, Therapist');
    expect(describeRoles(['scheduler'])).toBe('Scheduler');
  });
});
