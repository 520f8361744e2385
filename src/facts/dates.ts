/** Dates as the facts write them: YYYY-MM-DD, or YYYY-MM when only the month is known. */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2023-12-15" -> "15 Dec 2023"; "2023-08" -> "Aug 2023". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  const name = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

/** Whether the date is known to the day (not only the month). */
export function isExactDate(iso: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso);
}

/** A label of an approximate date names it first ("Early 2023: ..."). */
const OWN_DATE = /^([^:]{0,30}\b20\d\d\b[^:]*):\s*/;

/**
 * A timeline entry as "when" and "what": the label's own date when it has
 * one ("Early 2023"), otherwise the formatted date.
 */
export function whenAndWhat(when: { date: string; label: string }): { when: string; what: string } {
  const own = OWN_DATE.exec(when.label);
  if (own?.[1]) return { when: own[1], what: when.label.slice(own[0].length) };
  return { when: formatDate(when.date), what: when.label };
}
