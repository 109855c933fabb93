-- An availability block's first date must be a real calendar date of this era: 2000-01-01 to
-- 2199-12-31. Before, '-infinity' (or year 1) was accepted, and expanding a weekly block from it
-- ran until the statement timeout (SQLSTATE 57014, a 500 from PostgREST) or wrote a hundred
-- thousand past occurrences; 'infinity' made a block that can never occur. valid_until is
-- already at most 730 days after valid_from. The form's schema (src/features/schedule) matches.

-- Blocks saved before with a first date outside the range never had a real occurrence (or hold
-- years of past ones): they are removed, with their occurrences, so the constraint can hold on a
-- live database; it is added unchecked first and validated after, so the table is not locked
-- against writes while existing rows are checked.
alter table public.availability_blocks
  add constraint availability_blocks_valid_from_in_range
  check (valid_from between date '2000-01-01' and date '2199-12-31') not valid;
delete from public.availability_blocks where not (valid_from between date '2000-01-01' and date '2199-12-31');
alter table public.availability_blocks validate constraint availability_blocks_valid_from_in_range;
