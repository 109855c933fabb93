/**
 * What the Schedule calendar needs from the browser that jsdom lacks: document.elementFromPoint,
 * which react-big-calendar's selection calls on every mouse press. (`<dialog>`'s methods come from
 * the components setup.)
 */
if (typeof document.elementFromPoint !== 'function') {
  // jsdom does no layout: no element is under any point
  document.elementFromPoint = () => null;
}
