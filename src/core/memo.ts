/**
 * Remembers a pure function's result per input string. Replies repeat (the
 * same facts and topics, asked again by many people), so their text is
 * escaped and cleaned once rather than on every request. Bounded: emptied
 * when full, so a stream of distinct inputs costs memory only up to `max`.
 */
export function memoizeText<T>(fn: (text: string) => T, max = 2000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let out = seen.get(text);
    if (out === undefined) {
      out = fn(text);
      if (seen.size >= max) seen.clear();
      seen.set(text, out);
    }
    return out;
  };
}
