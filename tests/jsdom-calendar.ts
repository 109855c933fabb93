/**
 * What the Schedule calendar needs from the browser that jsdom lacks: `<dialog>`'s showModal() and
 * close() (the `open` attribute and the `close` event; focus trapping and inertness are covered by
 * the Playwright journeys), and document.elementFromPoint, which react-big-calendar's selection
 * calls on every mouse press.
 */
const proto = HTMLDialogElement.prototype;

if (typeof proto.showModal !== 'function') {
  proto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.show = function show(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
}

if (typeof document.elementFromPoint !== 'function') {
  // jsdom does no layout: no element is under any point
  document.elementFromPoint = () => null;
}
