/**
 * Resilience of a performance series after shocks, after Bruneau et al. (2003, "A framework to
 * quantitatively assess and enhance the seismic resilience of communities", Earthquake Spectra 19(4)):
 * the loss of resilience is the area between full performance and the performance curve,
 * R_L = ∫ (100 − Q(t)) dt over a shock, with Q in % of the no-shock baseline and t in days.
 *
 * Discretisation: Q is sampled once a day. A shock is a maximal run of days with Q below 100 − tolerance
 * that dips below `threshold` somewhere; it starts on its first such day (the drop is taken as instantaneous,
 * as in Bruneau's triangle) and ends on the first day back within tolerance of 100. The loss area joins the
 * daily samples from the start day to the recovery day by straight lines (trapezoid rule), which is exact
 * for the linear recovery Bruneau draws; `rule: "daily-sum"` instead charges each day's shortfall for the
 * whole day, Σ (100 − Q_d) over the days before recovery.
 */
import { InputError } from "../errors/index.js";

export interface ResilienceOptions {
  /** A shock is a run of days below 100 − tolerance that reaches below this level (% of baseline). Default 95. */
  threshold?: number;
  /** Performance within this many points of 100 counts as recovered. Default 1. */
  tolerance?: number;
  /** How the loss area is summed from daily samples. Default "trapezoid". */
  rule?: "trapezoid" | "daily-sum";
  /**
   * Control window T (days) for the normalised resilience 1 − R_L / (100·T). Default: each shock's own
   * duration (start to recovery, or to the end of the series when it has not recovered).
   */
  window?: number;
}

export interface Shock {
  /** Day index of the first day below 100 − tolerance. */
  start: number;
  /** Day index of the first day back within tolerance, or undefined when the series ends first. */
  recoveredAt: number | undefined;
  /** Days from the start to recovery (recoveredAt − start); undefined when not recovered. */
  recoveryDays: number | undefined;
  /** Lowest performance during the shock (%). */
  minimum: number;
  /** Loss of resilience R_L in %-days, up to recovery or the end of the series. */
  lossArea: number;
  /** 1 − R_L / (100·T) for the control window T (see `ResilienceOptions.window`). */
  resilience: number;
}

export interface ResilienceSummary {
  shocks: Shock[];
  /** Sum of the shocks' loss areas, %-days. */
  totalLossArea: number;
  /** Mean recovery time of the shocks that recovered, days; undefined when none did. */
  meanRecoveryDays: number | undefined;
  /** Shocks still unrecovered when the series ends. */
  unrecovered: number;
}

function check(value: number, path: string, ok: boolean, expected: string): void {
  if (!ok) throw new InputError({ code: "out-of-range", path, expected, found: String(value) });
}

/** Finds the shocks in a daily performance series Q (% of baseline) and measures each one. */
export function resilience(
  performance: readonly number[],
  options: ResilienceOptions = {},
): ResilienceSummary {
  const threshold = options.threshold ?? 95;
  const tolerance = options.tolerance ?? 1;
  const rule = options.rule ?? "trapezoid";
  check(tolerance, "tolerance", tolerance >= 0 && tolerance < 100, "a tolerance in [0, 100) points");
  check(
    threshold,
    "threshold",
    threshold <= 100 - tolerance && threshold > 0,
    `a level in (0, ${100 - tolerance}]`,
  );
  if (options.window !== undefined) {
    check(
      options.window,
      "window",
      options.window > 0 && Number.isFinite(options.window),
      "a window of days > 0",
    );
  }
  if (rule !== "trapezoid" && rule !== "daily-sum") {
    throw new InputError({
      code: "unknown-name",
      path: "rule",
      expected: "trapezoid or daily-sum",
      found: String(rule),
    });
  }
  performance.forEach((q, d) => {
    check(
      q,
      `performance[${d}]`,
      typeof q === "number" && q >= 0 && Number.isFinite(q),
      "a performance ≥ 0 (%)",
    );
  });

  const recovered = 100 - tolerance;
  const loss = (d: number) => Math.max(0, 100 - performance[d]!);
  const shocks: Shock[] = [];
  let d = 0;
  while (d < performance.length) {
    if (performance[d]! >= recovered) {
      d++;
      continue;
    }
    const start = d;
    let minimum = performance[d]!;
    while (d < performance.length && performance[d]! < recovered)
      minimum = Math.min(minimum, performance[d++]!);
    // d is now the recovery day, or the series length.
    if (minimum >= threshold) continue;
    const recoveredAt = d < performance.length ? d : undefined;
    const last = recoveredAt ?? performance.length - 1;
    let area = 0;
    for (let t = start; t < last; t++) area += rule === "trapezoid" ? 0.5 * (loss(t) + loss(t + 1)) : loss(t);
    // An unrecovered shock under the daily-sum rule still charges its last day.
    if (rule === "daily-sum" && recoveredAt === undefined) area += loss(last);
    const duration =
      recoveredAt === undefined ? last - start + (rule === "daily-sum" ? 1 : 0) : recoveredAt - start;
    const window = options.window ?? duration;
    shocks.push({
      start,
      recoveredAt,
      recoveryDays: recoveredAt === undefined ? undefined : recoveredAt - start,
      minimum,
      lossArea: area,
      resilience: window > 0 ? 1 - area / (100 * window) : 1,
    });
  }
  const done = shocks.filter((s) => s.recoveryDays !== undefined);
  return {
    shocks,
    totalLossArea: shocks.reduce((sum, s) => sum + s.lossArea, 0),
    meanRecoveryDays:
      done.length === 0 ? undefined : done.reduce((sum, s) => sum + (s.recoveryDays ?? 0), 0) / done.length,
    unrecovered: shocks.length - done.length,
  };
}
