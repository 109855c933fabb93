import { describe, expect, it } from 'vitest';
import { filterStaffByName } from './filter-staff';

const staff = [
  { first_name: 'Priya', last_name: 'Raman' },
  { first_name: 'Sofía', last_name: 'Márquez' },
  { first_name: 'Maya', last_name: 'Okafor' },
];
const names = (rows: typeof staff) => rows.map((r) => r.first_name);

describe('filterStaffByName', () => {
  it('keeps everyone for an empty search', () => {
    expect(names(filterStaffByName(staff, '   '))).toEqual(['Priya', 'Sofía', 'Maya']);
  });

  it('matches first or last name, ignoring case and accents', () => {
    expect(names(filterStaffByName(staff, 'RAM'))).toEqual(['Priya']);
    expect(names(filterStaffByName(staff, 'marquez'))).toEqual(['Sofía']);
    expect(names(filterStaffByName(staff, 'sofia'))).toEqual(['Sofía']);
    expect(names(filterStaffByName(staff, 'ya'))).toEqual(['Priya', 'Maya']);
  });

  it('needs every word, in any order', () => {
    expect(names(filterStaffByName(staff, 'raman priya'))).toEqual(['Priya']);
    expect(names(filterStaffByName(staff, 'priya okafor'))).toEqual([]);
  });
});
