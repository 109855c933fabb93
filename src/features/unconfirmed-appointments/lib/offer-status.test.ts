import { describe, expect, it } from 'vitest';
import { offerStatus } from './offer-status';

const now = new Date('2027-05-01T12:00:00Z');

describe('offerStatus', () => {
  it('waits on the client while the offer runs, with the time the client has left', () => {
    expect(offerStatus({ expires_at: '2027-05-03T12:00:00Z' }, now)).toEqual({
      label: 'Times offered — waiting for the client',
      deadline: '2 days left',
      urgency: 'normal',
    });
  });

  it('says when the client’s time runs short', () => {
    expect(offerStatus({ expires_at: '2027-05-01T13:30:00Z' }, now)).toMatchObject({
      deadline: 'Urgent: 1 hour 30 minutes left',
      urgency: 'urgent',
    });
  });

  it('says the offer ended once its time is over, before the expiry job moves it to the history', () => {
    expect(offerStatus({ expires_at: '2027-05-01T11:59:00Z' }, now)).toEqual({
      label: 'Offer ended — the client did not pick',
      deadline: 'Ended',
      urgency: 'urgent',
    });
  });
});
