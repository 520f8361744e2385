/**
 * Waits for a promise, but no longer than `ms`: resolves with its value if it
 * settles in time, else with undefined (the promise itself runs on). Used for
 * every "answer now or fall back" and "drain, but not forever" decision.
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
