/**
 * Comparing policies across seeds: a fixed set of headline measures read from each run's outcomes;
 * per policy the mean and the 10th–90th percentile band over seeds; and, because every policy runs
 * on the same seeds (the same random draws until the policies make the runs diverge), paired
 * differences between policies with a confidence interval and the share of seeds in which each
 * difference holds. Pure, so the CLI, the web app and tests share it. Definitions: docs/outputs.md.
 */
import { InputError, suggestName } from "../errors/index.js";
import type { Scenario } from "../scenario/types.js";
import { studentTQuantile } from "../stats/index.js";
import type { Outcomes, Series } from "./types.js";

export interface ComparisonFocus {
  /** The actor whose policies are compared (e.g. pk). */
  actor: string;
  /** The dependent actor whose dependence on `actor` is reported (e.g. af), if any. */
  dependent?: string;
}

export interface Measure {
  key: string;
  label: string;
  /** `%` for shares on 0–100 (their keys end in `_pct`), `0–1` for trust and concentration indices. */
  unit: string;
  /** Higher is better (for reading the table), or undefined when neither. */
  better?: "higher" | "lower";
  read(o: Outcomes, focus: ComparisonFocus): number;
}

const pair = (o: Outcomes, a: string, b: string) =>
  o.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));

/** Directed trust of `a` in `b`, at the end or as the mean over the final window. */
const trust = (o: Outcomes, a: string, b: string, when: "end" | "final"): number => {
  const p = pair(o, a, b);
  if (!p) return Number.NaN;
  if (when === "end") return p.a === a ? p.trustABEnd : p.trustBAEnd;
  return p.a === a ? p.trustABFinal : p.trustBAFinal;
};

const dependence = (o: Outcomes, f: ComparisonFocus, when: "start" | "end" | "final"): number => {
  const d = o.dependence.find((x) => x.actor === f.dependent && x.on === f.actor);
  return d ? 100 * d[when] : Number.NaN;
};

const concentration = (o: Outcomes, f: ComparisonFocus, when: "end" | "final"): number => {
  const c = o.concentration.find((x) => x.actor === f.dependent);
  if (!c) return Number.NaN;
  return when === "end" ? c.herfindahlEnd : c.herfindahlFinal;
};

export const MEASURES: Measure[] = [
  {
    key: "served_usd_bn",
    label: "trade value served",
    unit: "USD bn",
    better: "higher",
    read: (o) => o.trade.servedUsd / 1e9,
  },
  {
    key: "served_share_pct",
    label: "share of demand served",
    unit: "%",
    better: "higher",
    read: (o) => 100 * o.trade.servedShare,
  },
  {
    key: "spoiled_usd_m",
    label: "value spoiled in queues",
    unit: "USD m",
    better: "lower",
    read: (o) => o.trade.spoiledUsd / 1e6,
  },
  {
    key: "closure_days",
    label: "crossing closure days (all crossings)",
    unit: "days",
    better: "lower",
    read: (o) => o.crossings.reduce((s, c) => s + c.closedDays, 0),
  },
  { key: "incidents", label: "incidents", unit: "count", better: "lower", read: (o) => o.incidents },
  { key: "fatalities", label: "fatalities", unit: "people", better: "lower", read: (o) => o.fatalities },
  {
    key: "trust_dependent_in_actor_final",
    label: "trust of the dependent in the actor (final-window mean)",
    unit: "0–1",
    better: "higher",
    read: (o, f) => (f.dependent ? trust(o, f.dependent, f.actor, "final") : Number.NaN),
  },
  {
    key: "trust_dependent_in_actor_end",
    label: "trust of the dependent in the actor (last day)",
    unit: "0–1",
    read: (o, f) => (f.dependent ? trust(o, f.dependent, f.actor, "end") : Number.NaN),
  },
  {
    key: "trust_actor_in_dependent_final",
    label: "trust of the actor in the dependent (final-window mean)",
    unit: "0–1",
    better: "higher",
    read: (o, f) => (f.dependent ? trust(o, f.actor, f.dependent, "final") : Number.NaN),
  },
  {
    key: "trust_actor_in_dependent_end",
    label: "trust of the actor in the dependent (last day)",
    unit: "0–1",
    read: (o, f) => (f.dependent ? trust(o, f.actor, f.dependent, "end") : Number.NaN),
  },
  {
    key: "escalation_cycles",
    label: "escalation cycles (all pairs)",
    unit: "count",
    better: "lower",
    read: (o) => o.pairs.reduce((s, p) => s + p.escalationCycles, 0),
  },
  {
    key: "dependence_start_pct",
    label: "dependence of the dependent on the actor (day 0)",
    unit: "%",
    read: (o, f) => dependence(o, f, "start"),
  },
  {
    key: "dependence_final_pct",
    label: "dependence of the dependent on the actor (final-window mean)",
    unit: "%",
    read: (o, f) => dependence(o, f, "final"),
  },
  {
    key: "dependence_end_pct",
    label: "dependence of the dependent on the actor (last day)",
    unit: "%",
    read: (o, f) => dependence(o, f, "end"),
  },
  {
    key: "hhi_final",
    label: "route concentration of the dependent, HHI (final-window mean)",
    unit: "0–1",
    read: (o, f) => concentration(o, f, "final"),
  },
  {
    key: "hhi_end",
    label: "route concentration of the dependent, HHI (last day)",
    unit: "0–1",
    read: (o, f) => concentration(o, f, "end"),
  },
  { key: "coercion_attempts", label: "coercion attempts", unit: "count", read: (o) => o.coercion.attempts },
  {
    key: "compliance_rate_pct",
    label: "coercion compliance rate",
    unit: "%",
    read: (o) => (o.coercion.complianceRate === null ? Number.NaN : 100 * o.coercion.complianceRate),
  },
  {
    key: "projects_declared",
    label: "projects declared",
    unit: "count",
    read: (o) => o.connectivity.declared,
  },
  {
    key: "projects_operational",
    label: "projects operational",
    unit: "count",
    better: "higher",
    read: (o) => o.connectivity.operational,
  },
  {
    key: "resilience_loss",
    label: "resilience loss against the open network",
    unit: "%-days",
    better: "lower",
    read: (o) => o.resilience.totalLossArea,
  },
  { key: "people_returned", label: "people returned", unit: "people", read: (o) => o.peopleReturned },
];

/**
 * The headline measures plus, for the hypotheses switched on in any of the runs, the expected
 * incidents from the zones' own baselines and each mechanism's declared contributions
 * (outcomes.mechanisms), keyed `mechanism.<hypothesis>.<contribution>`.
 */
export function measuresFor(outcomes: readonly Outcomes[]): Measure[] {
  const seen = new Map<string, Measure>();
  for (const o of outcomes) {
    for (const m of o.mechanisms) {
      for (const name of Object.keys(m.contributions)) {
        const key = `mechanism.${m.hypothesis}.${name}`;
        if (seen.has(key)) continue;
        seen.set(key, {
          key,
          label: `${m.title}: ${name}`,
          unit: name === "incidents" ? "expected incidents" : "sum",
          read: (x) => x.mechanisms.find((y) => y.hypothesis === m.hypothesis)?.contributions[name] ?? 0,
        });
      }
    }
  }
  if (seen.size === 0) return MEASURES;
  const baseline: Measure = {
    key: "expected_incidents_baseline",
    label: "incidents expected from the zones' own baselines",
    unit: "expected incidents",
    read: (o) => o.expectedIncidents.baseline,
  };
  return [...MEASURES, baseline, ...seen.values()];
}

export interface Band {
  mean: number;
  p10: number;
  p90: number;
  /** Runs in which the measure was defined. */
  n: number;
}

/** The q-quantile of sorted values, by linear interpolation between order statistics (Hyndman–Fan 7). */
export function sortedQuantile(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) return Number.NaN;
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

/** Mean and 10th/90th percentiles (linear interpolation between order statistics), ignoring NaN. */
export function band(values: readonly number[]): Band {
  const xs = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (xs.length === 0) return { mean: Number.NaN, p10: Number.NaN, p90: Number.NaN, n: 0 };
  return {
    mean: xs.reduce((s, x) => s + x, 0) / xs.length,
    p10: sortedQuantile(xs, 0.1),
    p90: sortedQuantile(xs, 0.9),
    n: xs.length,
  };
}

export interface PolicyComparison {
  policy: string;
  description: string;
  runs: number;
  measures: Record<string, Band>;
}

export interface ComparisonRun {
  policy: string;
  seed: number;
  outcomes: Outcomes;
}

/** Per policy, the band of every measure over its runs. */
export function comparePolicies(
  runs: ComparisonRun[],
  focus: ComparisonFocus,
  descriptions: Record<string, string> = {},
): PolicyComparison[] {
  const policies = [...new Set(runs.map((r) => r.policy))];
  const all = measuresFor(runs.map((r) => r.outcomes));
  return policies.map((policy) => {
    const mine = runs.filter((r) => r.policy === policy);
    const measures: Record<string, Band> = {};
    for (const m of all) measures[m.key] = band(mine.map((r) => m.read(r.outcomes, focus)));
    return { policy, description: descriptions[policy] ?? "", runs: mine.length, measures };
  });
}

/** Whose policies to compare: the given actor, else the actor with the most policies. */
export function chooseFocus(scenario: Scenario, actor?: string, dependent?: string): ComparisonFocus {
  const ids = scenario.actors.map((a) => a.id);
  const check = (id: string, flag: string) => {
    if (ids.includes(id)) return;
    const suggestion = suggestName(id, ids);
    throw new InputError({
      code: "unknown-actor",
      path: flag,
      expected: `an actor id: ${ids.join(", ")}`,
      found: `"${id}"`,
      ...(suggestion ? { suggestion } : {}),
    });
  };
  if (actor) check(actor, "--actor");
  if (dependent) check(dependent, "--dependent");
  const counts = new Map<string, number>();
  for (const p of scenario.policies) counts.set(p.actor, (counts.get(p.actor) ?? 0) + 1);
  const chosen = actor ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!chosen) {
    throw new InputError({
      code: "no-policies",
      path: "policies",
      expected: "a scenario with named policies to compare",
      found: "none",
    });
  }
  // The dependent: the other state owning the most trade value.
  const value = new Map<string, number>();
  for (const d of scenario.demand) {
    if (!d.owner || d.owner === chosen) continue;
    value.set(d.owner, (value.get(d.owner) ?? 0) + d.vehiclesPerDay * d.valueUsdPerVehicle);
  }
  const other = dependent ?? [...value].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { actor: chosen, ...(other ? { dependent: other } : {}) };
}

/** Confidence level of the paired intervals. */
export const CONFIDENCE = 0.95;

/**
 * The paired difference a − b of one measure over the seeds both policies ran: its mean, a Student-t
 * confidence interval for the mean difference (the paired t interval; seeds are independent draws of
 * the scenario's randomness), and how often the sign holds.
 */
export interface PairedDifference {
  a: string;
  b: string;
  /** Seeds where both values are defined. */
  n: number;
  mean: number;
  /** CONFIDENCE interval of the mean difference; NaN with fewer than two seeds. */
  low: number;
  high: number;
  /** Share of seeds (0–1) with a − b > 0, < 0 and = 0. */
  aHigher: number;
  bHigher: number;
  equal: number;
  /** The interval excludes 0: the difference is clear of the seed-to-seed noise. */
  clear: boolean;
}

/** The paired difference of two equal-length samples (pairs with a NaN are dropped). */
export function pairedDifference(a: string, b: string, xa: number[], xb: number[]): PairedDifference {
  const d: number[] = [];
  for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
    const x = xa[i]! - xb[i]!;
    if (!Number.isNaN(x)) d.push(x);
  }
  const n = d.length;
  const mean = n > 0 ? d.reduce((s, x) => s + x, 0) / n : Number.NaN;
  let low = Number.NaN;
  let high = Number.NaN;
  if (n >= 2) {
    const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    // A difference the same in every seed has no noise around it: its interval is the point itself.
    const half = variance > 0 ? studentTQuantile(0.5 + CONFIDENCE / 2, n - 1) * Math.sqrt(variance / n) : 0;
    low = mean - half;
    high = mean + half;
  }
  const share = (test: (x: number) => boolean) => (n > 0 ? d.filter(test).length / n : Number.NaN);
  return {
    a,
    b,
    n,
    mean,
    low,
    high,
    aHigher: share((x) => x > 0),
    bHigher: share((x) => x < 0),
    equal: share((x) => x === 0),
    clear: n >= 2 && (low > 0 || high < 0),
  };
}

export interface MeasureDifferences {
  key: string;
  /**
   * True when the measure has the same value under every compared policy in every seed: the row
   * cannot tell these policies apart (e.g. projects whose conditions no policy moves).
   */
  identical: boolean;
  /** Every unordered pair of policies, in the order the policies are listed (a before b). */
  pairs: PairedDifference[];
}

/** For each measure, the paired differences between every two policies over their common seeds. */
export function pairedDifferences(runs: ComparisonRun[], focus: ComparisonFocus): MeasureDifferences[] {
  const policies = [...new Set(runs.map((r) => r.policy))];
  const seeds = [...new Set(runs.map((r) => r.seed))].sort((x, y) => x - y);
  const byKey = new Map(runs.map((r) => [`${r.policy}\u0000${r.seed}`, r.outcomes]));
  // Only seeds every policy ran are paired.
  const common = seeds.filter((s) => policies.every((p) => byKey.has(`${p}\u0000${s}`)));
  return MEASURES.map((m) => {
    const values = new Map(
      policies.map((p) => [p, common.map((s) => m.read(byKey.get(`${p}\u0000${s}`)!, focus))]),
    );
    const pairs: PairedDifference[] = [];
    for (let i = 0; i < policies.length; i++) {
      for (let j = i + 1; j < policies.length; j++) {
        const a = policies[i]!;
        const b = policies[j]!;
        pairs.push(pairedDifference(a, b, values.get(a)!, values.get(b)!));
      }
    }
    const first = values.get(policies[0]!) ?? [];
    const identical =
      policies.length > 1 &&
      common.length > 0 &&
      policies.every((p) => values.get(p)!.every((x, k) => Object.is(x, first[k]) || x === first[k]));
    return { key: m.key, identical, pairs };
  });
}

/** The paired difference a − b of a measure, whichever order the pair was stored in. */
export function differenceOf(
  differences: MeasureDifferences[],
  key: string,
  a: string,
  b: string,
): PairedDifference | undefined {
  const pairs = differences.find((d) => d.key === key)?.pairs ?? [];
  const direct = pairs.find((p) => p.a === a && p.b === b);
  if (direct) return direct;
  const r = pairs.find((p) => p.a === b && p.b === a);
  if (!r) return undefined;
  return {
    a,
    b,
    n: r.n,
    mean: -r.mean,
    low: -r.high,
    high: -r.low,
    aHigher: r.bHigher,
    bHigher: r.aHigher,
    equal: r.equal,
    clear: r.clear,
  };
}

/**
 * Which policy leads on a measure, and whether the lead is clear: the policy with the best mean,
 * and the policies whose paired difference from it is not clear of noise (the leader is named as
 * "most"/"fewest" only when that list is empty).
 */
export interface Leader {
  key: string;
  leader: string;
  better: "higher" | "lower";
  /** The measure is the same under every policy in every seed. */
  identical: boolean;
  /** Policies not clearly behind the leader. */
  tied: string[];
  /** The leader's paired difference with the runner-up (best mean after the leader). */
  runnerUp?: PairedDifference;
}

export function leader(
  rows: PolicyComparison[],
  differences: MeasureDifferences[],
  key: string,
  better: "higher" | "lower",
): Leader | undefined {
  const ranked = rows
    .filter((r) => r.measures[key]!.n > 0)
    .sort((x, y) =>
      better === "higher"
        ? y.measures[key]!.mean - x.measures[key]!.mean
        : x.measures[key]!.mean - y.measures[key]!.mean,
    );
  const top = ranked[0];
  if (!top) return undefined;
  const identical = differences.find((d) => d.key === key)?.identical ?? false;
  const tied = ranked
    .slice(1)
    .filter((r) => !differenceOf(differences, key, top.policy, r.policy)?.clear)
    .map((r) => r.policy);
  const second = ranked[1];
  const runnerUp = second ? differenceOf(differences, key, top.policy, second.policy) : undefined;
  return { key, leader: top.policy, better, identical, tied, ...(runnerUp ? { runnerUp } : {}) };
}

/**
 * The main daily series of a run for the ensemble bands of `compare`: performance, trade served,
 * the dependent's dependence on the actor and route concentration, trust both ways, returns, and
 * incidents and fatalities summed over zones. Columns the run lacks are left out.
 */
export function mainSeries(series: Series, focus: ComparisonFocus): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  const take = (name: string) => {
    const v = series.values[name];
    if (v) out[name] = v;
  };
  take("performance_pct");
  take("trade.served_usd");
  take("trade.unserved_usd");
  if (focus.dependent) {
    take(`dependence.${focus.dependent}.${focus.actor}`);
    take(`hhi.${focus.dependent}`);
    take(`trust.${focus.dependent}.${focus.actor}`);
    take(`trust.${focus.actor}.${focus.dependent}`);
    take(`ladder.${focus.actor}.${focus.dependent}`);
    take(`ladder.${focus.dependent}.${focus.actor}`);
  }
  take("returns.people");
  for (const prefix of ["incidents", "fatalities"]) {
    const columns = series.columns.filter((c) => c.startsWith(`${prefix}.`));
    const total = new Float64Array(series.days);
    for (const c of columns) {
      const v = series.values[c]!;
      for (let d = 0; d < series.days; d++) total[d]! += v[d]!;
    }
    out[prefix] = total;
  }
  return out;
}

/** Quantiles kept per day over the seeds of one policy. */
export const ENSEMBLE_QUANTILES = [0.1, 0.5, 0.9] as const;

/**
 * Daily quantiles over runs: for each series name present in every run, `name.p10`, `name.p50`,
 * `name.p90` (linear interpolation between order statistics, as `band`) and `name.mean`.
 */
export function ensembleQuantiles(runs: Record<string, Float64Array>[], days: number): Series {
  const names = Object.keys(runs[0] ?? {}).filter((n) => runs.every((r) => r[n] && r[n].length >= days));
  const values: Record<string, Float64Array> = {};
  const columns: string[] = [];
  const column = (name: string) => {
    columns.push(name);
    values[name] = new Float64Array(days);
    return values[name];
  };
  const buffer = new Float64Array(runs.length);
  for (const name of names) {
    const qs = ENSEMBLE_QUANTILES.map((q) => column(`${name}.p${Math.round(q * 100)}`));
    const mean = column(`${name}.mean`);
    for (let d = 0; d < days; d++) {
      for (let r = 0; r < runs.length; r++) buffer[r] = runs[r]![name]![d]!;
      buffer.sort();
      ENSEMBLE_QUANTILES.forEach((q, i) => {
        qs[i]![d] = sortedQuantile(buffer, q);
      });
      let sum = 0;
      for (let r = 0; r < runs.length; r++) sum += buffer[r]!;
      mean[d] = sum / runs.length;
    }
  }
  return { days, dates: [], columns, values };
}
