/** Dates -> positions on a drawing's time axis. */

const DAY_MS = 86_400_000;

/** Days since 1970 of an ISO date; a month-only date (YYYY-MM) counts as mid-month. */
export function dayNumber(iso: string): number {
  const [year = 1970, month = 1, day = 15] = iso.split("-").map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** The first day of the date's year, as YYYY-01-01. */
export function yearStart(iso: string, plusYears = 0): string {
  return `${Number(iso.slice(0, 4)) + plusYears}-01-01`;
}

/** The first day of the date's month, or of a later month, as YYYY-MM-01. */
export function monthStart(iso: string, plusMonths = 0): string {
  const [year = 1970, month = 1] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1 + plusMonths, 1));
  return date.toISOString().slice(0, 10);
}

export interface TimeScale {
  /** Position of a date. */
  at(iso: string): number;
  /** Every month start from the axis start to its end, as YYYY-MM-01. */
  months(): string[];
}

/** A linear scale from `from` (at `start`) to `to` (at `end`). */
export function timeScale(from: string, to: string, start: number, end: number): TimeScale {
  const d0 = dayNumber(from);
  const span = dayNumber(to) - d0;
  return {
    at: (iso) => start + ((dayNumber(iso) - d0) / span) * (end - start),
    months() {
      const list: string[] = [];
      for (let m = monthStart(from); m <= to; m = monthStart(m, 1)) list.push(m);
      return list;
    },
  };
}
