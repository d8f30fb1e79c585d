/** Simulation time is whole days from the scenario's start date (day 0). Dates are ISO `YYYY-MM-DD`, in UTC. */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date, or NaN if it is not a valid `YYYY-MM-DD`. */
export function epochDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC reads years 0–99 as 1900–1999; setting the full year afterwards keeps them as written.
  const back = new Date(Date.UTC(2000, month - 1, day));
  back.setUTCFullYear(year, month - 1, day);
  const ms = back.getTime();
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return Number.NaN;
  return ms / MS_PER_DAY;
}

/** Formatted dates of epoch days 0 … 73,049 (1970–2169), shared by every run in a process. */
const ISO_CACHE_DAYS = 73_050;
// An array rather than a Map: every logged event asks for its date, and an indexed read is the cheapest.
const isoCache: (string | undefined)[] = new Array(ISO_CACHE_DAYS);

export function isoFromEpochDay(day: number): string {
  if (Number.isInteger(day) && day >= 0 && day < ISO_CACHE_DAYS) {
    let iso = isoCache[day];
    if (iso === undefined) {
      iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      isoCache[day] = iso;
    }
    return iso;
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export class Calendar {
  readonly startEpochDay: number;
  constructor(readonly start: string) {
    this.startEpochDay = epochDay(start);
  }
  /** ISO date of simulation day `day`. */
  date(day: number): string {
    return isoFromEpochDay(this.startEpochDay + day);
  }
  /** Simulation day of an ISO date (may be negative or past the horizon). */
  day(iso: string): number {
    return epochDay(iso) - this.startEpochDay;
  }
  /** Whole days from the start to `end` (exclusive of the end date). */
  daysUntil(end: string): number {
    return this.day(end);
  }
}
