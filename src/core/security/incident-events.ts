/**
 * Reads a CSV of incidents for calibration. The header names a time column — `time` (days, a number
 * ≥ 0) or `date` (ISO `YYYY-MM-DD`, optionally with `THH:MM[:SS]` in UTC, converted to days since the
 * first event; `event_date`, as in ACLED exports, is read as `date`) — and optionally `fatalities` (a
 * number ≥ 0) and `zone` (a name). Other columns are ignored; names are matched without regard to case
 * or surrounding spaces. Every bad row is reported at once as an InputIssue naming the file and line.
 */
import { InputError, type InputIssue, suggestName } from "../errors/index.js";
import type { UniformSource } from "../random/index.js";

export interface IncidentEvents {
  /** Event times in days, sorted ascending (ties keep file order). */
  times: number[];
  /** Fatalities per event, aligned with `times`, when the file has the column. */
  fatalities?: number[];
  /** Zone per event, aligned with `times`, when the file has the column. */
  zones?: string[];
  /** 1-based source line of each event, aligned with `times`. */
  lines: number[];
  /** Which column gave the times. */
  timeColumn: "time" | "date";
  /** ISO date of day 0 (the first event's date) when times came from `date`. */
  origin?: string;
  /**
   * A natural observation horizon T: the end of the last event's day (last day + 1) for dates, the last
   * event time for numeric times. Pass your own when the observation window is known.
   */
  horizon: number;
}

const KNOWN = ["time", "date", "fatalities", "zone"];
const MS_PER_DAY = 86_400_000;

/** Splits one CSV line (RFC 4180 quoting: "a, b" and "" for a quote); returns undefined on an unclosed quote. */
function splitCsvLine(line: string): string[] | undefined {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** Days since 1970-01-01 (fractional with a time of day) of an ISO date or date-time in UTC; NaN if invalid. */
export function isoToEpochDays(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?Z?)?$/.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s >= 60) return Number.NaN;
  const day = Date.UTC(y, mo - 1, d);
  const back = new Date(day);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return day / MS_PER_DAY + (h * 3600 + mi * 60 + s) / 86400;
}

function isoDate(epochDays: number): string {
  return new Date(Math.floor(epochDays) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Parses an incident CSV; `file` is the name used in error messages. */
export function parseIncidentEvents(text: string, file: string): IncidentEvents {
  const rawLines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const issues: InputIssue[] = [];
  const fail = (issue: Omit<InputIssue, "file">) => issues.push({ file, ...issue });

  const headerLine = rawLines.findIndex((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (headerLine < 0) {
    throw new InputError({
      code: "empty-file",
      file,
      expected: "a header line and at least one event",
      found: "nothing",
    });
  }
  const header = splitCsvLine(rawLines[headerLine]!)?.map((h) => h.toLowerCase());
  if (!header) {
    throw new InputError({
      code: "bad-csv",
      file,
      line: headerLine + 1,
      expected: "a header",
      found: "an unclosed quote",
    });
  }
  const column = (name: string) => header.indexOf(name);
  const timeCol = column("time");
  // ACLED exports name the date column `event_date` (ISO YYYY-MM-DD); accept it as `date`.
  const dateCol = column("date") >= 0 ? column("date") : column("event_date");
  const fatalCol = column("fatalities");
  const zoneCol = column("zone");
  if (timeCol >= 0 && dateCol >= 0) {
    throw new InputError({
      code: "conflicting-columns",
      file,
      line: headerLine + 1,
      expected: "either a `time` or a `date` column, not both",
      found: "both",
    });
  }
  if (timeCol < 0 && dateCol < 0) {
    const guesses = header.map((h) => suggestName(h, KNOWN)).filter((g) => g === "time" || g === "date");
    throw new InputError({
      code: "missing-column",
      file,
      line: headerLine + 1,
      expected: "a `time` (days) or `date` (YYYY-MM-DD) column",
      found: header.join(", ") || "an empty header",
      ...(guesses[0] ? { suggestion: guesses[0] } : {}),
    });
  }
  const useDate = dateCol >= 0;
  const tCol = useDate ? dateCol : timeCol;

  const rows: { t: number; fatalities: number; zone: string; line: number }[] = [];
  for (let i = headerLine + 1; i < rawLines.length; i++) {
    const raw = rawLines[i]!;
    if (raw.trim() === "" || raw.trimStart().startsWith("#")) continue;
    const line = i + 1;
    const cells = splitCsvLine(raw);
    if (!cells) {
      fail({ code: "bad-csv", line, expected: "a closing quote", found: "an unclosed quote" });
      continue;
    }
    if (cells.length !== header.length) {
      fail({
        code: "column-count",
        line,
        expected: `${header.length} cells as in the header`,
        found: `${cells.length}`,
      });
      continue;
    }
    const tText = cells[tCol]!;
    let t: number;
    if (useDate) {
      t = isoToEpochDays(tText);
      if (Number.isNaN(t)) {
        fail({
          code: "bad-date",
          line,
          column: tCol + 1,
          path: "date",
          expected: "a date YYYY-MM-DD",
          found: JSON.stringify(tText),
        });
        continue;
      }
    } else {
      t = tText === "" ? Number.NaN : Number(tText);
      if (!(Number.isFinite(t) && t >= 0)) {
        fail({
          code: "not-a-number",
          line,
          column: tCol + 1,
          path: "time",
          expected: "a time in days ≥ 0",
          found: JSON.stringify(tText),
        });
        continue;
      }
    }
    let fatalities = 0;
    if (fatalCol >= 0) {
      const f = cells[fatalCol]!;
      fatalities = f === "" ? Number.NaN : Number(f);
      if (!(Number.isFinite(fatalities) && fatalities >= 0)) {
        fail({
          code: "not-a-number",
          line,
          column: fatalCol + 1,
          path: "fatalities",
          expected: "a number of fatalities ≥ 0",
          found: JSON.stringify(f),
        });
        continue;
      }
    }
    const zone = zoneCol >= 0 ? cells[zoneCol]! : "";
    if (zoneCol >= 0 && zone === "") {
      fail({
        code: "missing-value",
        line,
        column: zoneCol + 1,
        path: "zone",
        expected: "a zone name",
        found: "an empty cell",
      });
      continue;
    }
    rows.push({ t, fatalities, zone, line });
  }
  if (issues.length > 0) throw new InputError(issues);
  if (rows.length === 0) {
    throw new InputError({
      code: "no-events",
      file,
      expected: "at least one event row",
      found: "only a header",
    });
  }

  let origin: number | undefined;
  if (useDate) {
    // Day 0 is the first event's calendar day, so whole-day dates map to whole numbers.
    origin = Math.floor(rows.reduce((m, r) => Math.min(m, r.t), Number.POSITIVE_INFINITY));
    for (const r of rows) r.t -= origin;
  }
  rows.sort((a, b) => a.t - b.t || a.line - b.line);
  const times = rows.map((r) => r.t);
  const last = times[times.length - 1]!;
  const events: IncidentEvents = {
    times,
    lines: rows.map((r) => r.line),
    timeColumn: useDate ? "date" : "time",
    horizon: useDate ? Math.floor(last) + 1 : last,
  };
  if (fatalCol >= 0) events.fatalities = rows.map((r) => r.fatalities);
  if (zoneCol >= 0) events.zones = rows.map((r) => r.zone);
  if (origin !== undefined) events.origin = isoDate(origin);
  return events;
}

/** Event times per zone (sorted), for fitting each zone separately. Events without zones go under "". */
export function timesByZone(events: IncidentEvents): Map<string, number[]> {
  const out = new Map<string, number[]>();
  events.times.forEach((t, i) => {
    const zone = events.zones?.[i] ?? "";
    const list = out.get(zone);
    if (list) list.push(t);
    else out.set(zone, [t]);
  });
  return out;
}

/**
 * Spreads events recorded to the day uniformly within their day (t + U[0, 1)) and re-sorts. Day-rounded
 * data has ties that a continuous-time model cannot produce; spreading them is the usual remedy before
 * fitting (uniform jitter within the recording resolution).
 */
export function spreadWithinDay(times: readonly number[], rng: UniformSource): number[] {
  return times.map((t) => Math.floor(t) + rng.next()).sort((a, b) => a - b);
}
