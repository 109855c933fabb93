-- An availability block's first date must be a real calendar date of this era: 2000-01-01 to
-- 2199-12-31. Before, '-infinity' (or year 1) was accepted, and expanding a weekly block from it
-- ran until the statement timeout (SQLSTATE 57014, a 500 from PostgREST) or wrote a hundred
-- thousand past occurrences; 'infinity' made a block that can never occur. valid_until is
-- already at most 730 days after valid_from. The form's schema (src/features/schedule) matches.

alter table public.availability_blocks
  add constraint availability_blocks_valid_from_in_range
  check (valid_from between date '2000-01-01' and date '2199-12-31');
