import { describe, expect, it } from 'vitest';
import { emptyGridText, listName, personName, staffCountText } from './labels';

describe('labels', () => {
  it('names people for sentences and for lists', () => {
    expect(personName({ firstName: 'Jordan', lastName: 'Ellis' })).toBe('Jordan Ellis');
    expect(listName({ firstName: 'Jordan', lastName: 'Ellis' })).toBe('Ellis, Jordan');
  });

  it('counts staff, with or without filters', () => {
    expect(staffCountText(3, false)).toBe('3 staff members in the program');
    expect(staffCountText(1, false)).toBe('1 staff member in the program');
    expect(staffCountText(1, true)).toBe('1 staff member matches these filters');
    expect(staffCountText(0, true)).toBe('0 staff members match these filters');
  });

  it('says why the grid is empty', () => {
    expect(emptyGridText(true)).toBe('No enrolled staff match these filters.');
    expect(emptyGridText(false)).toBe('No therapists enrolled yet — use Add Staff.');
  });
});
