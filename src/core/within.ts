/**
 * Waits for a promise, but no longer than `ms`: resolves with its value if it
 * settles in time, else with undefined (the promise itself runs on). Used for
 * every "answer now or fall back" and "drain, but not forever" decision.
 * One promise and one timer per call (no race, no async wrapper): it sits on
 * every request's path.
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(resolve, ms, undefined);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
