/**
 * Comparing policies across seeds: a fixed set of headline measures read from each run's outcomes,
 * then per policy the mean and the 10th–90th percentile band over seeds. Pure, so the CLI, the web
 * app and tests share it.
 */
import type { Outcomes } from "./types.js";

export interface ComparisonFocus {
  /** The actor whose policies are compared (e.g. pk). */
  actor: string;
  /** The dependent actor whose dependence on `actor` is reported (e.g. af), if any. */
  dependent?: string;
}

export interface Measure {
  key: string;
  label: string;
  unit: string;
  /** Higher is better (for reading the table), or undefined when neither. */
  better?: "higher" | "lower";
  read(o: Outcomes, focus: ComparisonFocus): number;
}

const trustEnd = (o: Outcomes, a: string, b: string): number => {
  const pair = o.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  if (!pair) return Number.NaN;
  return pair.a === a ? pair.trustABEnd : pair.trustBAEnd;
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
    key: "served_share",
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
    key: "trust_dependent_in_actor",
    label: "trust of the dependent in the actor (end)",
    unit: "0–1",
    better: "higher",
    read: (o, f) => (f.dependent ? trustEnd(o, f.dependent, f.actor) : Number.NaN),
  },
  {
    key: "trust_actor_in_dependent",
    label: "trust of the actor in the dependent (end)",
    unit: "0–1",
    better: "higher",
    read: (o, f) => (f.dependent ? trustEnd(o, f.actor, f.dependent) : Number.NaN),
  },
  {
    key: "escalation_cycles",
    label: "escalation cycles (all pairs)",
    unit: "count",
    better: "lower",
    read: (o) => o.pairs.reduce((s, p) => s + p.escalationCycles, 0),
  },
  {
    key: "dependence_end",
    label: "dependence of the dependent on the actor (end)",
    unit: "%",
    read: (o, f) => {
      const d = o.dependence.find((x) => x.actor === f.dependent && x.on === f.actor);
      return d ? 100 * d.end : Number.NaN;
    },
  },
  { key: "coercion_attempts", label: "coercion attempts", unit: "count", read: (o) => o.coercion.attempts },
  {
    key: "compliance_rate",
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
    label: "resilience loss",
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

/** Mean and 10th/90th percentiles (linear interpolation between order statistics), ignoring NaN. */
export function band(values: readonly number[]): Band {
  const xs = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (xs.length === 0) return { mean: Number.NaN, p10: Number.NaN, p90: Number.NaN, n: 0 };
  const quantile = (q: number) => {
    const h = (xs.length - 1) * q;
    const lo = Math.floor(h);
    return xs[lo]! + (h - lo) * ((xs[Math.min(lo + 1, xs.length - 1)] ?? xs[lo]!) - xs[lo]!);
  };
  return {
    mean: xs.reduce((s, x) => s + x, 0) / xs.length,
    p10: quantile(0.1),
    p90: quantile(0.9),
    n: xs.length,
  };
}

export interface PolicyComparison {
  policy: string;
  description: string;
  runs: number;
  measures: Record<string, Band>;
}

/** Per policy, the band of every measure over its runs. */
export function comparePolicies(
  runs: { policy: string; outcomes: Outcomes }[],
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
