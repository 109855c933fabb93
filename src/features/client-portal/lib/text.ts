/** A long text cut at a word boundary for a card, with whether anything was cut. */
export function truncateText(text: string, maxLength: number): { text: string; truncated: boolean } {
  const trimmed = text.trim();
  if (trimmed.length <= maxLength) return { text: trimmed, truncated: false };
  const cut = trimmed.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : trimmed.slice(0, maxLength)).replace(
    /[\s.,;:–—-]+$/,
    '',
  );
  return { text: `${head}…`, truncated: true };
}
