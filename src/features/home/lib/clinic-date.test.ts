import { describe, expect, it } from 'vitest';
import { dateIn } from './clinic-date';

describe('dateIn', () => {
  it('is the calendar date at the clinic, not in UTC', () => {
    expect(dateIn('America/Chicago', new Date('2026-12-08T03:00:00Z'))).toBe('2026-12-07');
    expect(dateIn('America/Chicago', new Date('2026-12-08T07:00:00Z'))).toBe('2026-12-08');
  });
});
