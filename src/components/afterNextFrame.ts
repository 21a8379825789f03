/**
 * Runs `then` in a task after the next animation frame, so that what was just rendered is painted
 * first; returns a function that cancels it. What a list does after its first rows (mounting its
 * filter pickers, writing the address, reading live values) waits for this.
 */
export function afterNextFrame(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(then, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
