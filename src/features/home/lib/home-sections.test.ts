import { describe, expect, it } from 'vitest';
import { homeSections } from './home-sections';

describe('homeSections', () => {
  it('gives each role its lists', () => {
    expect(homeSections(['org_admin'], true)).toEqual({
      programNotEnabled: false,
      incompleteProfiles: true,
      expiringRequests: true,
      pendingRequestsByUrgency: false,
      therapist: false,
      // admins read the figures on the Insights tab
      figures: false,
    });
    expect(homeSections(['scheduler'], true)).toMatchObject({
      incompleteProfiles: false,
      expiringRequests: false,
      pendingRequestsByUrgency: true,
      figures: true,
    });
    expect(homeSections(['therapist'], true)).toMatchObject({
      therapist: true,
      pendingRequestsByUrgency: false,
      figures: true,
    });
  });

  it('shows an admin who also schedules every pending request once, not the expiring ones twice', () => {
    expect(homeSections(['org_admin', 'scheduler'], true)).toMatchObject({
      incompleteProfiles: true,
      expiringRequests: false,
      pendingRequestsByUrgency: true,
    });
  });

  it('shows no list at a clinic without the program', () => {
    expect(homeSections(['org_admin', 'therapist'], false)).toEqual({
      programNotEnabled: true,
      incompleteProfiles: false,
      expiringRequests: false,
      pendingRequestsByUrgency: false,
      therapist: false,
      figures: false,
    });
  });
});
