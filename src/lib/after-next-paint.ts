/**
 * Runs `callback` once the browser has painted the next frame: for work the user should not wait
 * for, started by a render that is about to be shown. A task queued from an animation frame
 * callback runs after that frame's paint. Returns a function that cancels it if it has not run.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
