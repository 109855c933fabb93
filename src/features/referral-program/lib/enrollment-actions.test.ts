import { describe, expect, it } from 'vitest';
import { enrollmentActions } from './enrollment-actions';

describe('enrollmentActions', () => {
  it('an active enrollment with an Incomplete application: edit payers, delete, deactivate', () => {
    expect(enrollmentActions({ status: 'active', applicationStatus: 'incomplete' })).toEqual([
      'editPayers',
      'delete',
      'deactivate',
    ]);
  });

  it('an active enrollment whose profile was submitted cannot be deleted, only deactivated', () => {
    expect(enrollmentActions({ status: 'active', applicationStatus: 'completed' })).toEqual([
      'editPayers',
      'deactivate',
    ]);
  });

  it('a deactivated enrollment offers nothing: deactivation is permanent', () => {
    expect(enrollmentActions({ status: 'deactivated', applicationStatus: 'completed' })).toEqual([]);
    expect(enrollmentActions({ status: 'deactivated', applicationStatus: 'incomplete' })).toEqual([]);
  });
});
