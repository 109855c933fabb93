/** Lower-case, without accents, single-spaced: "  José  " → "jose". */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Staff whose name matches `search`: every word of the search appears in the full name, in any
 * order, ignoring case and accents ("raman pri" finds Priya Raman). An empty search keeps everyone.
 */
export function filterStaffByName<T extends { first_name: string; last_name: string }>(
  staff: readonly T[],
  search: string,
): T[] {
  const words = normalize(search).split(' ').filter(Boolean);
  if (words.length === 0) return [...staff];
  return staff.filter((person) => {
    const name = normalize(`${person.first_name} ${person.last_name}`);
    return words.every((word) => name.includes(word));
  });
}
