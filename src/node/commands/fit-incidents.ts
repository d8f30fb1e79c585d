/**
 * `corridor fit-incidents <events.csv>`: calibrates the Hawkes (exponential kernel) parameters of each
 * zone's incident series by maximum likelihood, checks the fit by time rescaling, and prints a scenario
 * `zones:` fragment with the estimates cited to the file. Steps follow docs/incidents.md §5.
 */
import { basename } from "node:path";
import type { Command } from "commander";
import { InputError, type InputIssue, suggestName } from "../../core/errors/index.js";
import { createStream } from "../../core/random/index.js";
import {
  fitHawkes,
  type HawkesFit,
  hawkesRanges,
  type IncidentEvents,
  isoToEpochDays,
  ksTestExp1,
  MIN_FIT_EVENTS,
  parseIncidentEvents,
  spreadWithinDay,
  stationaryRate,
  timeRescale,
  timesByZone,
} from "../../core/security/index.js";
import { readUserFile } from "../files.js";
import type { Io } from "../io.js";
import { nonNegativeInteger, positiveInteger, positiveNumber } from "../options.js";
import { formatPairs } from "../table.js";

interface FitIncidentsOptions {
  zone?: string;
  horizonDays?: number;
  seed: number;
  maxIterations: number;
  json?: boolean;
}

/** Significance level of the goodness-of-fit verdict. */
const KS_LEVEL = 0.05;
const MS_PER_DAY = 86_400_000;
/** Scenario ids: letters, digits, _ . - (src/core/scenario/fields.ts). */
const SCENARIO_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** The observation window shared by every zone of the file: day 0 to day T. */
interface Window {
  /** T, days. */
  days: number;
  /** Calendar dates of day 0 and of the last day inside the window, when the file has dates. */
  start?: string;
  end?: string;
  /** Calendar date of the last event of the file, when it has dates. */
  lastEventDate?: string;
  /** True when day-rounded dates were spread uniformly within their day before fitting. */
  spread: boolean;
}

interface ZoneFit {
  /** Zone as written in the file ("" when the file has no zone column). */
  zone: string;
  /** Id to use in a scenario (the zone, made into a valid id when needed). */
  id: string;
  events: number;
  fit: HawkesFit;
  /** 1/β, days. */
  meanExcitationDays: number;
  /** μ/(1 − n), incidents/day. */
  stationaryRate: number;
  /** events / T, incidents/day. */
  observedRate: number;
  goodnessOfFit: { statistic: number; pValue: number; n: number; consistent: boolean };
}

interface SkippedZone {
  zone: string;
  events: number;
  reason: string;
}

const wholeNumber = (flag: string) => nonNegativeInteger(flag);

const isoDay = (epochDays: number) => new Date(Math.floor(epochDays) * MS_PER_DAY).toISOString().slice(0, 10);

/** A scenario id for a zone name: kept when valid, otherwise lower-cased with runs of other characters as "_". */
function zoneId(name: string): string {
  if (SCENARIO_ID.test(name)) return name;
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .replace(/^[_.-]+|_+$/g, "");
  return slug === "" ? "zone" : slug;
}

/** The series to fit: every zone, or the one asked for. */
function selectSeries(events: IncidentEvents, file: string, zone: string | undefined): Map<string, number[]> {
  const byZone = timesByZone(events);
  if (zone === undefined) return byZone;
  if (events.zones === undefined) {
    throw new InputError({
      code: "no-zones",
      file,
      path: "--zone",
      expected: "a `zone` column in the file to pick a zone from",
      found: "no zone column",
    });
  }
  const times = byZone.get(zone);
  if (!times) {
    const suggestion = suggestName(zone, [...byZone.keys()]);
    throw new InputError({
      code: "unknown-zone",
      file,
      path: "--zone",
      expected: `a zone of the file (${[...byZone.keys()].slice(0, 10).join(", ")}${byZone.size > 10 ? ", …" : ""})`,
      found: `"${zone}"`,
      ...(suggestion !== undefined && { suggestion }),
    });
  }
  return new Map([[zone, times]]);
}

/**
 * The window [0, T]: by default the end of the last event's day for dates, the last event time for
 * numeric times. Every zone is fitted over this whole window, not over the span of its own events: the
 * file says no incident happened there in the rest of it.
 */
function observationWindow(events: IncidentEvents, file: string, horizonDays: number | undefined): Window {
  const last = events.times[events.times.length - 1]!;
  const dayRounded = events.timeColumn === "date" && events.times.every(Number.isInteger);
  // Spread events sit anywhere in their day, so the whole last day must be inside the window.
  const minimum = dayRounded ? Math.floor(last) + 1 : last;
  const days = horizonDays ?? events.horizon;
  if (days < minimum) {
    throw new InputError({
      code: "out-of-range",
      file,
      path: "--horizon-days",
      expected: `a window of at least ${minimum} days, to cover the last event (day ${Math.floor(last)})`,
      found: String(days),
    });
  }
  const window: Window = { days, spread: dayRounded };
  if (events.origin !== undefined) {
    const origin = isoToEpochDays(events.origin);
    window.start = events.origin;
    window.end = isoDay(origin + Math.ceil(days) - 1);
    window.lastEventDate = isoDay(origin + last);
  }
  return window;
}

function fitZone(
  zone: string,
  id: string,
  raw: number[],
  window: Window,
  options: FitIncidentsOptions,
): ZoneFit {
  // A stream per zone, named after it, so adding or dropping a zone never changes another zone's draws.
  const times = window.spread
    ? spreadWithinDay(raw, createStream(options.seed, 0, `fit-incidents/${zone}`))
    : raw;
  const fit = fitHawkes(times, window.days, { maxIterations: options.maxIterations });
  // Time-rescaling check (Brown et al. 2002): under the fitted model the compensator increments are Exp(1).
  const ks = ksTestExp1(timeRescale(times, fit));
  return {
    zone,
    id,
    events: times.length,
    fit,
    meanExcitationDays: 1 / fit.beta,
    stationaryRate: stationaryRate(fit),
    observedRate: times.length / window.days,
    goodnessOfFit: {
      statistic: ks.statistic,
      pValue: ks.pValue,
      n: ks.n,
      consistent: ks.pValue >= KS_LEVEL,
    },
  };
}

/** Fits every selected zone with enough events; throws when none has. */
function fitZones(
  events: IncidentEvents,
  file: string,
  window: Window,
  options: FitIncidentsOptions,
): { fits: ZoneFit[]; skipped: SkippedZone[] } {
  const series = selectSeries(events, file, options.zone);
  const fits: ZoneFit[] = [];
  const skipped: SkippedZone[] = [];
  for (const [zone, times] of series) {
    if (times.length < MIN_FIT_EVENTS) {
      skipped.push({
        zone,
        events: times.length,
        reason: `fewer than the ${MIN_FIT_EVENTS} events a fit of three parameters needs`,
      });
    } else {
      // Without a zone column the one series is named after the file, e.g. "acled-export".
      const id = zoneId(zone === "" ? basename(file).replace(/\.[^.]*$/, "") : zone);
      fits.push(fitZone(zone, id, times, window, options));
    }
  }
  if (fits.length === 0) {
    const issues: InputIssue[] = skipped.map((s) => ({
      code: "too-few-events",
      file,
      ...(s.zone !== "" && { path: `zone ${s.zone}` }),
      expected: `at least ${MIN_FIT_EVENTS} events to fit a Hawkes process`,
      found: String(s.events),
    }));
    throw new InputError(issues);
  }
  return { fits, skipped };
}

/** Four significant digits, written without an exponent where a scenario author would. */
function significant(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** A YAML scalar: bare when plain, JSON-quoted (valid YAML) otherwise. */
function yamlText(text: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_. -]*$/.test(text) && !/^(true|false|null|yes|no|on|off)$/i.test(text)
    ? text
    : JSON.stringify(text);
}

/** `x` to four significant digits, rounded down (`dir` −1) or up (+1), so a rounded range still holds its value. */
function significantOutward(x: number, dir: -1 | 1): string {
  if (x === 0 || !Number.isFinite(x)) return significant(x);
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 3);
  const rounded = (dir < 0 ? Math.floor(x / scale) : Math.ceil(x / scale)) * scale;
  return Number(rounded.toPrecision(4)).toString();
}

/**
 * A `zones:` fragment with μ, α, β as ranged assumptions: the estimate, the interval estimate ± 1.96
 * standard errors (kept inside the stationary region, src/core/security/fit-ranges.ts) and a note naming
 * the data file and its last event date (the data's as-of date; with numeric times, the date of the
 * fit). Exploration then samples the fit's uncertainty. Without standard errors the estimates are cited
 * as { value, source, date } and a comment says why there is no range.
 */
function zonesYaml(fits: ZoneFit[], file: string, window: Window, today: string): string {
  const source = yamlText(basename(file));
  const date = window.lastEventDate ?? today;
  const asOf =
    window.lastEventDate === undefined ? `event times in days; fitted ${today}` : `events to ${date}`;
  const note =
    window.lastEventDate === undefined
      ? `, note: "event times in days, no calendar date; date of the fit"`
      : "";
  const cite = (value: number) => `{ value: ${significant(value)}, source: ${source}, date: ${date}${note} }`;
  const assume = (value: number, [lo, hi]: [number, number], extra: string) =>
    `{ value: ${significant(value)}, assumption: true, range: [${significantOutward(lo, -1)}, ${significantOutward(hi, 1)}], note: ${JSON.stringify(`fitted by corridor fit-incidents to ${basename(file)} (${asOf}); range: estimate ± 1.96 SE${extra}`)} }`;
  const lines = [
    `# Hawkes parameters fitted by corridor fit-incidents; add each zone's country (ISO 3166-1 alpha-2).`,
    "zones:",
  ];
  for (const z of fits) {
    const r = hawkesRanges(z.fit);
    lines.push(`  - id: ${yamlText(z.id)}`, `    name: ${yamlText(z.zone === "" ? z.id : z.zone)}`);
    if (r === undefined) {
      lines.push(
        "    # no standard errors (the information matrix is singular, e.g. n ≈ 0): cited without a range",
        `    baselinePerDay: ${cite(z.fit.mu)}`,
        `    excitationPerDay: ${cite(z.fit.alpha)}`,
        `    decayPerDay: ${cite(z.fit.beta)}`,
      );
      continue;
    }
    const clip = r.clipped
      ? `, narrowed towards the estimate so that α/β stays below 1 at every corner (worst ${r.worstBranching.toFixed(3)})`
      : "";
    if (r.clipped) {
      lines.push(
        `    # α's upper and β's lower ends narrowed: independent ±1.96 SE ends would allow α/β ≥ 1 (explosive)`,
      );
    }
    lines.push(
      `    baselinePerDay: ${assume(z.fit.mu, r.mu, "")}`,
      `    excitationPerDay: ${assume(z.fit.alpha, r.alpha, clip)}`,
      `    decayPerDay: ${assume(z.fit.beta, r.beta, clip)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const fixed = (x: number, digits: number) =>
  Math.abs(x) >= 1e-3 || x === 0 ? x.toFixed(digits) : x.toExponential(2);

function withError(value: number, error: number | undefined, digits: number): string {
  return error === undefined
    ? `${fixed(value, digits)} ± n/a`
    : `${fixed(value, digits)} ± ${fixed(error, digits)}`;
}

function printZone(io: Io, z: ZoneFit): void {
  const { fit } = z;
  const se = fit.standardErrors;
  const rows: [string, string][] = [
    ["μ (baseline)", `${withError(fit.mu, se?.mu, 4)} incidents/day`],
    ["α (jump)", `${withError(fit.alpha, se?.alpha, 4)} per day`],
    ["β (decay)", `${withError(fit.beta, se?.beta, 4)} per day`],
    [
      "branching ratio",
      `n = α/β = ${fit.branchingRatio.toFixed(3)} (share of incidents triggered by earlier ones)`,
    ],
    ["excitation lasts", `1/β = ${z.meanExcitationDays.toFixed(2)} days on average`],
    [
      "stationary rate",
      `μ/(1 − n) = ${fixed(z.stationaryRate, 4)} incidents/day (observed ${fixed(z.observedRate, 4)})`,
    ],
    ["log-likelihood", fit.logLikelihood.toFixed(3)],
    [
      "optimiser",
      fit.converged
        ? `converged (${fit.iterations} iterations)`
        : `NOT converged after ${fit.iterations} iterations: treat these estimates with caution`,
    ],
    [
      "goodness of fit",
      `KS D = ${z.goodnessOfFit.statistic.toFixed(4)}, p = ${z.goodnessOfFit.pValue.toPrecision(3)} on ${z.goodnessOfFit.n} time-rescaled intervals vs Exp(1): ${z.goodnessOfFit.consistent ? "consistent" : "not consistent"} with the model at 5 %`,
    ],
  ];
  io.out(`zone ${z.zone === "" ? "(all events, no zone column)" : z.zone}: ${z.events} events\n`);
  io.out(formatPairs(rows, "  "));
  if (!se) {
    io.out("  (no standard errors: the information matrix is not positive definite, e.g. n ≈ 0)\n");
  }
}

function windowText(window: Window, events: IncidentEvents): string {
  const range =
    window.start !== undefined
      ? ` (${window.start} to ${window.end})`
      : ` (times as in the file's \`time\` column)`;
  const spread = window.spread ? "; dates recorded to the day were spread uniformly within their day" : "";
  return `observation window: day 0 to day ${significant(window.days)}${range}, ${events.times.length} events${spread}\n`;
}

export function registerFitIncidents(program: Command, io: Io): void {
  program
    .command("fit-incidents")
    .description(
      "fit a self-exciting (Hawkes, exponential kernel) incident process per zone to event data, check it, and print scenario parameters",
    )
    .argument(
      "<events.csv>",
      "CSV with a `date` (or ACLED `event_date`, YYYY-MM-DD) or `time` (days) column, optional `zone` and `fatalities`",
    )
    .option("--zone <id>", "fit only this zone")
    .option(
      "--horizon-days <n>",
      "length of the observation window from day 0, days (default: to the end of the last event's day)",
      positiveNumber("--horizon-days"),
    )
    .option("--seed <n>", "seed for spreading day-rounded dates within their day", wholeNumber("--seed"), 1)
    .option(
      "--max-iterations <n>",
      "iteration cap per optimiser run",
      positiveInteger("--max-iterations"),
      600,
    )
    .option("--json", "print the fits and the scenario fragment as JSON")
    .action((file: string, options: FitIncidentsOptions) => {
      const events = parseIncidentEvents(readUserFile(file, "event file"), file);
      const window = observationWindow(events, file, options.horizonDays);
      const { fits, skipped } = fitZones(events, file, window, options);
      const yaml = zonesYaml(fits, file, window, new Date().toISOString().slice(0, 10));
      for (const z of fits.filter((f) => !f.fit.converged)) {
        io.err(
          `corridor: warning: the fit for ${z.zone === "" ? "the events" : `zone ${z.zone}`} did not converge after ${z.fit.iterations} iterations\n`,
        );
      }
      if (options.json) {
        io.out(
          `${JSON.stringify(fitJson(file, events, window, options.seed, fits, skipped, yaml), null, 2)}\n`,
        );
        return;
      }
      io.out(`${basename(file)}: ${windowText(window, events)}\n`);
      for (const z of fits) {
        printZone(io, z);
        io.out("\n");
      }
      for (const s of skipped) io.out(`zone ${s.zone}: ${s.events} events, skipped: ${s.reason}\n`);
      if (skipped.length > 0) io.out("\n");
      io.out(yaml);
    });
}

function fitJson(
  file: string,
  events: IncidentEvents,
  window: Window,
  seed: number,
  fits: ZoneFit[],
  skipped: SkippedZone[],
  yaml: string,
) {
  return {
    file,
    timeColumn: events.timeColumn,
    events: events.times.length,
    window: {
      days: window.days,
      ...(window.start !== undefined && { start: window.start, end: window.end }),
      spreadWithinDay: window.spread,
      ...(window.spread && { seed }),
    },
    zones: fits.map((z) => ({
      zone: z.zone,
      id: z.id,
      events: z.events,
      mu: z.fit.mu,
      alpha: z.fit.alpha,
      beta: z.fit.beta,
      standardErrors: z.fit.standardErrors ?? null,
      branchingRatio: z.fit.branchingRatio,
      meanExcitationDays: z.meanExcitationDays,
      stationaryRate: z.stationaryRate,
      observedRate: z.observedRate,
      logLikelihood: z.fit.logLikelihood,
      converged: z.fit.converged,
      iterations: z.fit.iterations,
      goodnessOfFit: { test: "KS of time-rescaled intervals vs Exp(1)", level: KS_LEVEL, ...z.goodnessOfFit },
    })),
    skipped,
    scenarioYaml: yaml,
  };
}
