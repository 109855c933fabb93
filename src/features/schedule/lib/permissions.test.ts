import { describe, expect, it } from 'vitest';
import type { StaffRole, Viewer } from '@/lib/access/roles';
import {
  calendarScope,
  calendarStaffId,
  canManageBlocks,
  externalReachProblems,
  showAcceptExternalToggle,
} from './permissions';

const me = 'aaaaaaaa-0000-4000-8000-000000000001';
const colleague = 'bbbbbbbb-0000-4000-8000-000000000002';
const third = 'cccccccc-0000-4000-8000-000000000003';
const viewer = (...roles: StaffRole[]): Viewer => ({ staffId: me, roles });

describe('canManageBlocks', () => {
  it.each([
    ['therapist, own blocks', viewer('therapist'), me, true],
    ['therapist, a colleague’s', viewer('therapist'), colleague, false],
    ['org admin, anyone’s', viewer('org_admin'), colleague, true],
    ['scheduler, anyone’s', viewer('scheduler'), colleague, false],
    ['scheduler who is a therapist, own', viewer('scheduler', 'therapist'), me, true],
    ['scheduler who is a therapist, a colleague’s', viewer('scheduler', 'therapist'), colleague, false],
    ['no role', viewer(), me, false],
  ])('%s → %s', (_label, v, staffId, expected) => {
    expect(canManageBlocks(v, staffId)).toBe(expected);
  });
});

describe('showAcceptExternalToggle', () => {
  it('only for an active enrollment', () => {
    expect(showAcceptExternalToggle({ status: 'active' })).toBe(true);
    expect(showAcceptExternalToggle({ status: 'deactivated' })).toBe(false);
    expect(showAcceptExternalToggle(null)).toBe(false);
    expect(showAcceptExternalToggle(undefined)).toBe(false);
  });
});

describe('calendarScope and calendarStaffId', () => {
  const therapists = [colleague, third];

  it('a therapist always sees their own calendar', () => {
    expect(calendarScope(viewer('therapist'))).toBe('own');
    expect(calendarStaffId(viewer('therapist'), therapists, colleague)).toBe(me);
  });

  it('admins and schedulers choose, falling back to themselves, then the first therapist', () => {
    expect(calendarScope(viewer('scheduler'))).toBe('choose');
    expect(calendarStaffId(viewer('scheduler'), therapists, third)).toBe(third);
    expect(calendarStaffId(viewer('org_admin'), therapists, 'not-a-therapist')).toBe(colleague);
    expect(calendarStaffId(viewer('org_admin'), therapists, null)).toBe(colleague);
    expect(calendarStaffId(viewer('org_admin', 'therapist'), [colleague, me], null)).toBe(me);
    expect(calendarStaffId(viewer('org_admin'), [], null)).toBeNull();
  });

  it('no role, no calendar', () => {
    expect(calendarScope(viewer())).toBeNull();
    expect(calendarStaffId(viewer(), therapists, colleague)).toBeNull();
  });
});

describe('externalReachProblems', () => {
  it('names an unsubmitted profile and a missing payer; nothing when both are in place', () => {
    expect(externalReachProblems({ profileSubmitted: true, payerCount: 1 })).toEqual([]);
    expect(externalReachProblems(null)).toEqual([]);
    const both = externalReachProblems({ profileSubmitted: false, payerCount: 0 });
    expect(both).toHaveLength(2);
    expect(both[0]).toMatch(/public profile is not submitted/);
    expect(both[1]).toMatch(/No payer is enrolled/);
  });
});
