/**
 * The sign-in page's first view: the page's own markup, rendered at build time into the HTML the
 * host serves at /sign-in (vite-plugins/sign-in-first-view.ts), beside the app's empty root. A
 * phone paints it as soon as the stylesheet arrives instead of after the app's JavaScript; the
 * sign-in page takes over from it once it knows the person is signed out, keeping what was typed.
 */

/** The element the build renders the first view into (the HTML's and the plugin's one name). */
export const firstViewElementId = 'first-view';

export function firstView(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(firstViewElementId);
}

/** Removes the first view: the app shows something else at this address (or could not start). */
export function dropFirstView(): void {
  firstView()?.remove();
}

/**
 * Removes the first view once the app's own form is on screen, handing over what was typed into
 * the first view's fields (by name, through `setValue`) and the focus.
 */
export function handOverFirstView(
  form: HTMLFormElement,
  setValue: (name: string, value: string) => void,
): void {
  const view = firstView();
  if (!view) return;
  const focused = document.activeElement;
  let focusTarget: HTMLInputElement | null = null;
  for (const input of Array.from(view.querySelectorAll('input'))) {
    const target = form.elements.namedItem(input.name);
    if (!(target instanceof HTMLInputElement)) continue;
    if (input.value) setValue(input.name, input.value);
    if (input === focused) focusTarget = target;
  }
  view.remove();
  focusTarget?.focus();
}
