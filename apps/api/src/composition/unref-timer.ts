/**
 * A real wait that does not keep the process alive: an answer budget measures time the client waits,
 * which the test clock (whose sleep returns at once) must not shorten.
 */
export function unrefTimer(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
