/**
 * The analyses of `corridor analyze`, each a function of the store's data and its options that returns
 * what it found three ways: plain data (for --json), terminal text, and charts. The numbers come from
 * the core library (src/core/analysis); this module only chooses the rows, checks that the design fits
 * the method, and lays the results out.
 */
import {
  type ClaimResult,
  type ClaimSpec,
  cart,
  evaluateClaims,
  morrisIndices,
  type PrimResult,
  prim,
  type RobustnessResult,
  restrictionSignificance,
  robustness,
  significantRestrictions,
  sobolIndices,
  sortedQuantile,
  treeScreening,
} from "../../core/analysis/index.js";
import {
  type ChartDocument,
  type ChartElement,
  claimChart,
  morrisChart,
  outcomeDistributionChart,
  primBoxChart,
  primTradeoffChart,
  screeningChart,
  sobolChart,
} from "../../core/charts/index.js";
import { InputError } from "../../core/errors/index.js";
import { csvField } from "../run-files/series-csv.js";
import { formatTable } from "../table.js";
import { chooseNames, chooseOutcomes, choosePolicies, type StoreData } from "./store-data.js";

export const METHODS = ["sobol", "morris", "screening", "prim", "cart", "robustness", "claims"] as const;
export type Method = (typeof METHODS)[number];

export interface AnalyzeOptions {
  outcome?: string[];
  policy?: string[];
  /** prim, cart: the futures of interest, e.g. "fatalities > 12000" or "fatalities >= q90". */
  where?: string;
  /** prim: index of the trajectory's box to report instead of the selected one. */
  box?: number;
  /** prim: the density a box must reach to be selected (default 0.8). */
  threshold?: number;
  /** robustness: the Hurwicz weight on the best case. */
  alpha?: number;
  /** robustness: the satisficing threshold, e.g. "fatalities<=12000". */
  satisfice?: string;
  /** sobol, morris: bootstrap resamples. */
  resamples?: number;
  /** sobol, morris, screening: rows shown (largest first). */
  top?: number;
  /** claims: claims to evaluate instead of the store's. */
  claims?: ClaimSpec[];
  seed?: number;
}

export interface Analysis {
  method: Method;
  /** Everything found, as plain data (numbers, strings, arrays). */
  json: Record<string, unknown>;
  text: string;
  /** Charts by file stem (written as <stem>.svg and <stem>.png with --out). */
  charts: { name: string; chart: ChartElement }[];
  /** Tables by file stem, as CSV. */
  tables: { name: string; csv: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Formatting

/** A number for reading: 3 significant digits for small ones, thousands separators for large ones. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "–" : x > 0 ? "∞" : "−∞";
  const a = Math.abs(x);
  const text =
    a >= 1000
      ? Math.round(a).toLocaleString("en-US")
      : a === 0
        ? "0"
        : Number(a.toPrecision(digits)).toString();
  return x < 0 ? `−${text}` : text;
}

const pct = (x: number) =>
  Number.isFinite(x) ? `${(100 * x).toFixed(x >= 0.995 || x < 0.005 ? 0 : 1)} %` : "–";
const interval = (i: { low: number; high: number } | undefined, f = (x: number) => num(x, 2)) =>
  i && Number.isFinite(i.low) ? `${f(i.low)} to ${f(i.high)}` : "–";

const csvCell = (v: string | number) =>
  typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : csvField(v);
function csv(header: string[], rows: (string | number)[][]): string {
  return `${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

const stem = (...parts: string[]) =>
  parts
    .filter((p) => p !== "")
    .join("-")
    .replace(/[^A-Za-z0-9_.-]+/g, "_");

// ---------------------------------------------------------------------------------------------------
// Checks shared by the methods

function needSampler(data: StoreData, method: Method, samplers: string[], hint: string): void {
  const used = data.plan.sampler.method;
  if (samplers.includes(used)) return;
  throw new InputError({
    code: "design-not-suited",
    file: data.path,
    path: "sampler",
    expected: `a store explored with ${hint} for ${method}`,
    found: `the sampler "${used}" (use screening, prim or cart on it, or explore again with --sampler ${samplers[0]})`,
  });
}

function needInputs(data: StoreData, method: Method): void {
  if (data.inputs.names.length > 0) return;
  throw new InputError({
    code: "no-uncertainties",
    file: data.path,
    path: "uncertainties",
    expected: `an experiment with uncertainties for ${method}`,
    found: "none",
  });
}

const OPERATORS = ["<=", ">=", "==", "!=", "<", ">"] as const;
type Operator = (typeof OPERATORS)[number];

/** Parses "outcome op value" (value a number or qNN, a quantile of the outcome over the futures). */
export function parseCondition(
  text: string,
  flag: string,
  outcomes: readonly string[],
): { outcome: string; op: Operator; value: number | { quantile: number } } {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*(\S+)\s*$/.exec(text);
  const bad = (found: string, expected: string) =>
    new InputError({ code: "invalid-condition", path: flag, expected, found });
  if (!match)
    throw bad(
      `"${text}"`,
      'a condition "<outcome> <op> <value>", op one of < <= > >= == !=, value a number or qNN (e.g. "fatalities >= q90")',
    );
  const [, outcome, op, raw] = match as unknown as [string, string, Operator, string];
  chooseNames(outcomes, [outcome], flag, {
    code: "unknown-outcome",
    expected: "an outcome of the experiment",
  });
  const q = /^q(\d{1,2}(?:\.\d+)?)$/i.exec(raw);
  if (q) {
    const level = Number(q[1]) / 100;
    if (!(level > 0 && level < 1)) throw bad(`"${raw}"`, "a quantile q1 … q99");
    return { outcome, op, value: { quantile: level } };
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw bad(`"${raw}"`, "a number, or qNN for a quantile of the outcome");
  return { outcome, op, value };
}

function compare(x: number, op: Operator, v: number): boolean {
  switch (op) {
    case "<":
      return x < v;
    case "<=":
      return x <= v;
    case ">":
      return x > v;
    case ">=":
      return x >= v;
    case "==":
      return x === v;
    case "!=":
      return x !== v;
  }
}

/** The q-quantile of the finite values (linear interpolation between order statistics). */
const quantileOfFinite = (y: ArrayLike<number>, q: number) =>
  sortedQuantile(Float64Array.from(Array.from(y).filter(Number.isFinite)).sort(), q);

/** The single policy a method on one policy's futures needs: --policy, or the only one there is. */
function onePolicy(data: StoreData, options: AnalyzeOptions, method: Method): string {
  const chosen = choosePolicies(data, options.policy);
  if (chosen.length === 1) return chosen[0]!;
  throw new InputError({
    code: "policy-needed",
    path: "--policy",
    expected: `one lever combination for ${method}: ${data.policies.join(", ")}`,
    found: options.policy ? `${chosen.length}` : "none given",
  });
}

/** The futures of interest for prim and cart: inputs of the futures with a finite outcome, and y. */
function futuresOfInterest(data: StoreData, options: AnalyzeOptions, method: Method) {
  needInputs(data, method);
  if (!options.where)
    throw new InputError({
      code: "condition-needed",
      path: "--where",
      expected: `the futures ${method} should describe, e.g. --where "fatalities >= q90"`,
      found: "no --where",
    });
  const condition = parseCondition(
    options.where,
    "--where",
    data.plan.outcomes.map((o) => o.name),
  );
  const policy = onePolicy(data, options, method);
  const all = data.values(condition.outcome, policy);
  const threshold =
    typeof condition.value === "number" ? condition.value : quantileOfFinite(all, condition.value.quantile);
  const kept: number[] = [];
  for (let f = 0; f < all.length; f++) if (Number.isFinite(all[f]!)) kept.push(f);
  const y = Uint8Array.from(kept, (f) => (compare(all[f]!, condition.op, threshold) ? 1 : 0));
  const columns = data.inputs.columns.map((c) => Float64Array.from(kept, (f) => c[f]!));
  const hits = y.reduce((s, v) => s + v, 0);
  if (hits === 0 || hits === y.length)
    throw new InputError({
      code: "condition-uninformative",
      path: "--where",
      expected: "a condition that holds in some futures and fails in others",
      found: `"${options.where}" (threshold ${num(threshold)}) holds in ${hits} of ${y.length} futures`,
    });
  return { policy, condition, threshold, kept, y, columns, hits };
}

// ---------------------------------------------------------------------------------------------------
// The methods

export function analyze(
  data: StoreData,
  method: Method,
  options: AnalyzeOptions,
  document: ChartDocument,
): Analysis {
  switch (method) {
    case "sobol":
      return sobol(data, options, document);
    case "morris":
      return morris(data, options, document);
    case "screening":
      return screening(data, options, document);
    case "prim":
      return primMethod(data, options, document);
    case "cart":
      return cartMethod(data, options);
    case "robustness":
      return robustnessMethod(data, options, document);
    case "claims":
      return claimsMethod(data, options, document);
  }
}

const header = (data: StoreData) =>
  `${data.plan.name}: ${data.futureCount} futures × ${data.policies.length} lever combination${data.policies.length === 1 ? "" : "s"}; ${data.cases.stored} of ${data.cases.planned} cases stored${data.cases.failed > 0 ? `, ${data.cases.failed} failed (left out)` : ""}.\n`;

/** A table's lines indented under a heading. */
const indent = (table: string, pad = "  ") =>
  table
    .split("\n")
    .map((l) => (l ? `${pad}${l}` : l))
    .join("\n");

/** What a per-outcome, per-policy method finds for one outcome under one policy. */
interface Part {
  text: string;
  json?: Record<string, unknown>;
  chart?: Analysis["charts"][number];
  table?: Analysis["tables"][number];
}

/** Runs `part` for each chosen outcome under each chosen policy and gathers the results. */
function eachOutcomeAndPolicy(
  method: Method,
  data: StoreData,
  options: AnalyzeOptions,
  part: (outcome: string, policy: string) => Part,
): Analysis {
  let text = header(data);
  const json: Record<string, unknown>[] = [];
  const charts: Analysis["charts"] = [];
  const tables: Analysis["tables"] = [];
  for (const outcome of chooseOutcomes(data, options.outcome)) {
    for (const policy of choosePolicies(data, options.policy)) {
      const p = part(outcome, policy);
      text += p.text;
      if (p.json) json.push(p.json);
      if (p.chart) charts.push(p.chart);
      if (p.table) tables.push(p.table);
    }
  }
  return { method, json: { method, store: data.path, results: json }, text, charts, tables };
}

function sobol(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  needSampler(data, "sobol", ["saltelli"], "--sampler saltelli");
  needInputs(data, "sobol");
  const names = data.inputs.names;
  const k = names.length;
  const top = options.top ?? 12;
  return eachOutcomeAndPolicy("sobol", data, options, (outcome, policy) => {
    const r = sobolIndices(data.values(outcome, policy), k, {
      resamples: options.resamples ?? 200,
      seed: options.seed ?? 0,
    });
    const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => r.total[b]! - r.total[a]!);
    let text = `\nSobol indices of ${outcome} under ${policy} (${r.base} base rows${r.dropped > 0 ? `, ${r.dropped} dropped for a failed case` : ""}; ${Math.round(100 * r.confidence)} % bootstrap intervals, ${r.resamples} resamples)\n`;
    if (r.constant) text += "  the outcome is the same in every future: no variance to apportion.\n";
    else {
      const rows = order
        .slice(0, top)
        .map((i) => [
          names[i]!,
          num(r.first[i]!, 2),
          interval(r.firstInterval[i]),
          num(r.total[i]!, 2),
          interval(r.totalInterval[i]),
        ]);
      text += indent(
        formatTable(["input", "first order", "interval", "total order", "interval"], rows, { rule: true }),
      );
      if (k > top) text += `  … ${k - top} more inputs (--top ${k} shows all; --json lists every one)\n`;
      let sumFirst = 0;
      for (let i = 0; i < k; i++) sumFirst += r.first[i]!;
      text += `  sum of first-order indices ${num(sumFirst, 2)}: ${sumFirst < 0.8 ? "interactions (or estimator noise) carry much of the variance" : "the inputs act mostly alone"}.\n`;
    }
    const inputs = order.map((i) => ({
      name: names[i]!,
      first: r.first[i]!,
      firstLow: r.firstInterval[i]?.low ?? null,
      firstHigh: r.firstInterval[i]?.high ?? null,
      total: r.total[i]!,
      totalLow: r.totalInterval[i]?.low ?? null,
      totalHigh: r.totalInterval[i]?.high ?? null,
    }));
    return {
      text,
      json: {
        outcome,
        policy,
        base: r.base,
        dropped: r.dropped,
        variance: r.variance,
        constant: r.constant,
        confidence: r.confidence,
        inputs,
      },
      ...(r.constant
        ? {}
        : {
            chart: {
              name: stem("sobol", outcome, policy),
              chart: sobolChart(r, { document, names, top, outcome }),
            },
          }),
      table: {
        name: stem("sobol", outcome, policy),
        csv: csv(
          ["input", "first", "first_low", "first_high", "total", "total_low", "total_high"],
          inputs.map((x) => [
            x.name,
            x.first,
            x.firstLow ?? "",
            x.firstHigh ?? "",
            x.total,
            x.totalLow ?? "",
            x.totalHigh ?? "",
          ]),
        ),
      },
    };
  });
}

function morris(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  needSampler(data, "morris", ["morris"], "--sampler morris");
  needInputs(data, "morris");
  const names = data.inputs.names;
  const k = names.length;
  const top = options.top ?? 12;
  return eachOutcomeAndPolicy("morris", data, options, (outcome, policy) => {
    const r = morrisIndices(data.futures.design.unit, data.values(outcome, policy), k, {
      resamples: options.resamples ?? 200,
    });
    const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => r.muStar[b]! - r.muStar[a]!);
    let text = `\nMorris elementary effects of ${outcome} under ${policy} (${data.plan.sampler.size} trajectories${r.skipped > 0 ? `, ${r.skipped} steps skipped for a failed case` : ""})\n`;
    const rows = order
      .slice(0, top)
      .map((i) => [
        names[i]!,
        num(r.muStar[i]!),
        interval(r.muStarInterval[i], (x) => num(x)),
        num(r.mu[i]!),
        num(r.sigma[i]!),
        String(r.effects[i]!),
      ]);
    text += indent(formatTable(["input", "μ*", "interval of μ*", "μ", "σ", "effects"], rows, { rule: true }));
    if (k > top) text += `  … ${k - top} more inputs (--top ${k} shows all)\n`;
    text +=
      "  μ*: mean absolute effect (importance); σ large next to μ*: interactions or non-linearity; μ far below μ*: effects of both signs.\n";
    const inputs = order.map((i) => ({
      name: names[i]!,
      muStar: r.muStar[i]!,
      muStarLow: r.muStarInterval[i]?.low ?? null,
      muStarHigh: r.muStarInterval[i]?.high ?? null,
      mu: r.mu[i]!,
      sigma: r.sigma[i]!,
      effects: r.effects[i]!,
    }));
    return {
      text,
      json: { outcome, policy, skipped: r.skipped, inputs },
      chart: { name: stem("morris", outcome, policy), chart: morrisChart(r, { document, names }) },
      table: {
        name: stem("morris", outcome, policy),
        csv: csv(
          ["input", "mu_star", "mu_star_low", "mu_star_high", "mu", "sigma", "effects"],
          inputs.map((x) => [
            x.name,
            x.muStar,
            x.muStarLow ?? "",
            x.muStarHigh ?? "",
            x.mu,
            x.sigma,
            x.effects,
          ]),
        ),
      },
    };
  });
}

function screening(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  needInputs(data, "screening");
  const names = data.inputs.names;
  const top = options.top ?? 12;
  return eachOutcomeAndPolicy("screening", data, options, (outcome, policy) => {
    const y = data.values(outcome, policy);
    const kept: number[] = [];
    for (let f = 0; f < y.length; f++) if (Number.isFinite(y[f]!)) kept.push(f);
    let text = `\nTree screening of ${outcome} under ${policy} (${kept.length} futures; share of the forest's variance reduction per input)\n`;
    if (kept.length < 10)
      return { text: `${text}  fewer than 10 futures with a value: too few to screen.\n` };
    const r = treeScreening(
      names,
      data.inputs.columns.map((c) => Float64Array.from(kept, (f) => c[f]!)),
      Float64Array.from(kept, (f) => y[f]!),
      { seed: options.seed ?? 0 },
    );
    text += indent(
      formatTable(
        ["input", "importance"],
        r.ranking.slice(0, top).map((i) => [names[i]!, pct(r.importance[i]!)]),
        { rule: true },
      ),
    );
    if (names.length > top) text += `  … ${names.length - top} more inputs\n`;
    const inputs = r.ranking.map((i) => ({ name: names[i]!, importance: r.importance[i]! }));
    return {
      text,
      json: { outcome, policy, futures: kept.length, inputs },
      chart: { name: stem("screening", outcome, policy), chart: screeningChart(r, { document, top }) },
      table: {
        name: stem("screening", outcome, policy),
        csv: csv(
          ["input", "importance"],
          inputs.map((x) => [x.name, x.importance]),
        ),
      },
    };
  });
}

/** The box's limits as text: "name in [lo, hi]" for each restricted input, with its quasi-p. */
function boxLines(restrictions: PrimResult["restrictions"]): string[][] {
  return restrictions.map((r) => [r.name, num(r.lo), num(r.hi), r.qp < 0.001 ? "<0.001" : num(r.qp, 2)]);
}

function primMethod(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  const f = futuresOfInterest(data, options, "prim");
  const names = data.inputs.names;
  const primData = { names, columns: f.columns, y: f.y };
  const r = prim(primData, options.threshold === undefined ? {} : { threshold: options.threshold });
  let text = header(data);
  text += `\nPRIM: under ${f.policy}, which assumptions give ${f.condition.outcome} ${f.condition.op} ${num(f.threshold)}? (${f.hits} of ${f.y.length} futures)\n`;
  // The trade-off: a few points of the peeling trajectory.
  const points = r.trajectory.length;
  const every = Math.max(1, Math.ceil(points / 10));
  const trajRows = r.trajectory
    .map((s, i) => ({ s, i }))
    .filter(({ i }) => i % every === 0 || i === r.selected || i === points - 1)
    .map(({ s, i }) => [
      `${i}${i === r.selected ? " ←" : ""}`,
      pct(s.coverage),
      pct(s.density),
      pct(s.mass),
      String(s.restricted.length),
    ]);
  text +=
    "  peeling trajectory (coverage: share of those futures inside the box; density: share of the box's futures that are such futures)\n";
  text += indent(
    formatTable(["box", "coverage", "density", "mass", "inputs restricted"], trajRows, { rule: true }),
    "    ",
  );
  let chosen: { coverage: number; density: number; mass: number; restrictions: PrimResult["restrictions"] };
  if (options.box !== undefined) {
    const step = r.trajectory[options.box];
    if (!step)
      throw new InputError({
        code: "out-of-range",
        path: "--box",
        expected: `a box of the trajectory, 0 to ${points - 1}`,
        found: String(options.box),
      });
    chosen = { ...step, restrictions: restrictionSignificance(primData, step.box) };
    text += `\n  box ${options.box} (chosen with --box):\n`;
  } else {
    chosen = { ...r.box, restrictions: r.restrictions };
    text += `\n  selected box (${r.meetsThreshold ? `the first with density ≥ ${pct(r.options.threshold)}, highest coverage` : `no box reaches density ${pct(r.options.threshold)}: the densest`}, then pasted):\n`;
  }
  text += `  coverage ${pct(chosen.coverage)}, density ${pct(chosen.density)}, mass ${pct(chosen.mass)}\n`;
  if (chosen.restrictions.length === 0)
    text += "  no input is restricted: the condition is not explained by a box.\n";
  else
    text += indent(
      formatTable(["input", "from", "to", "quasi-p"], boxLines(chosen.restrictions), { rule: true }),
      "    ",
    );
  text +=
    "  quasi-p: chance that a box as dense arises without the restriction (small: the restriction matters).\n";
  const json = {
    method: "prim",
    store: data.path,
    policy: f.policy,
    where: options.where,
    threshold: f.threshold,
    futures: f.y.length,
    hits: f.hits,
    selected: r.selected,
    meetsThreshold: r.meetsThreshold,
    trajectory: r.trajectory.map((s) => ({
      coverage: s.coverage,
      density: s.density,
      mass: s.mass,
      restricted: s.restricted.length,
    })),
    box: {
      coverage: chosen.coverage,
      density: chosen.density,
      mass: chosen.mass,
      restrictions: chosen.restrictions.map(({ name, lo, hi, qp }) => ({ name, lo, hi, qp })),
    },
  };
  return {
    method: "prim",
    json,
    text,
    charts: [
      { name: stem("prim-tradeoff", f.policy), chart: primTradeoffChart(r, { document }) },
      { name: stem("prim-box", f.policy), chart: primBoxChart(r, { document, names }) },
    ],
    tables: [
      {
        name: stem("prim-trajectory", f.policy),
        csv: csv(
          ["box", "coverage", "density", "mass", "restricted"],
          r.trajectory.map((s, i) => [i, s.coverage, s.density, s.mass, s.restricted.length]),
        ),
      },
      {
        name: stem("prim-box", f.policy),
        csv: csv(
          ["input", "lo", "hi", "qp"],
          chosen.restrictions.map((x) => [x.name, x.lo, x.hi, x.qp]),
        ),
      },
    ],
  };
}

function cartMethod(data: StoreData, options: AnalyzeOptions): Analysis {
  const f = futuresOfInterest(data, options, "cart");
  const r = cart(data.inputs.names, f.columns, f.y);
  let text = header(data);
  text += `\nCART: under ${f.policy}, the leaves of a classification tree of ${f.condition.outcome} ${f.condition.op} ${num(f.threshold)} (${f.hits} of ${f.y.length} futures), densest first\n`;
  const leaves = r.leaves.filter((l) => l.hits > 0).slice(0, 8);
  for (const leaf of leaves)
    text += `  density ${pct(leaf.density)}, coverage ${pct(leaf.coverage)}, mass ${pct(leaf.mass)}: ${leaf.rules.length > 0 ? leaf.rules.join(" and ") : "(every future)"}\n`;
  const json = {
    method: "cart",
    store: data.path,
    policy: f.policy,
    where: options.where,
    threshold: f.threshold,
    futures: f.y.length,
    hits: f.hits,
    leaves: r.leaves.map((l) => ({
      rules: l.rules,
      coverage: l.coverage,
      density: l.density,
      mass: l.mass,
      n: l.n,
      hits: l.hits,
    })),
  };
  return {
    method: "cart",
    json,
    text,
    charts: [],
    tables: [
      {
        name: stem("cart", f.policy),
        csv: csv(
          ["rules", "coverage", "density", "mass", "n", "hits"],
          r.leaves.map((l) => [l.rules.join(" and "), l.coverage, l.density, l.mass, l.n, l.hits]),
        ),
      },
    ],
  };
}

/** The robustness table of one outcome over the futures in which every policy has a value. */
export function robustnessOf(
  data: StoreData,
  outcome: string,
  policies: string[],
  options: AnalyzeOptions,
): RobustnessResult | undefined {
  const spec = data.plan.outcomes.find((o) => o.name === outcome)!;
  if (spec.kind === "info") return undefined;
  const columns = policies.map((p) => data.values(outcome, p));
  const kept: number[] = [];
  for (let f = 0; f < data.futureCount; f++) if (columns.every((c) => Number.isFinite(c[f]!))) kept.push(f);
  if (kept.length === 0) return undefined;
  let threshold: number | undefined;
  if (options.satisfice) {
    const c = parseCondition(
      options.satisfice,
      "--satisfice",
      data.plan.outcomes.map((o) => o.name),
    );
    if (c.outcome === outcome)
      threshold =
        typeof c.value === "number"
          ? c.value
          : quantileOfFinite(
              columns.flatMap((col) => kept.map((f) => col[f]!)),
              c.value.quantile,
            );
  }
  return robustness(
    policies,
    columns.map((c) => Float64Array.from(kept, (f) => c[f]!)),
    {
      direction: spec.kind === "maximize" ? "maximize" : "minimize",
      ...(options.alpha === undefined ? {} : { hurwiczAlpha: options.alpha }),
      ...(threshold === undefined ? {} : { threshold }),
    },
  );
}

/** The robustness of each policy on one outcome, as terminal lines. */
export function robustnessText(outcome: string, r: RobustnessResult): string {
  const better = r.direction === "maximize" ? "higher is better" : "lower is better";
  let text = `\nRobustness on ${outcome} (${better}; ${r.futures} futures${r.dropped > 0 ? `, ${r.dropped} left out for a missing value` : ""})\n`;
  const rows = r.policies.map((p) => [
    p.policy,
    num(p.worst),
    num(p.laplace),
    num(p.hurwicz),
    num(p.maxRegret),
    num(p.regretQuantile),
    ...(r.threshold !== undefined ? [pct(p.satisficing ?? Number.NaN)] : []),
  ]);
  text += indent(
    formatTable(
      [
        "policy",
        "worst case",
        "mean (Laplace)",
        `Hurwicz α=${r.hurwiczAlpha}`,
        "max regret",
        `${Math.round(100 * r.regretQuantile)} % regret`,
        ...(r.threshold !== undefined
          ? [`meets ${r.direction === "maximize" ? "≥" : "≤"} ${num(r.threshold)}`]
          : []),
      ],
      rows,
      { rule: true },
    ),
  );
  const names: [string, string][] = [
    ["maximin", "best worst case"],
    ["laplace", "best mean"],
    ["minimax-regret", "least maximum regret"],
    ["quantile-regret", `least ${Math.round(100 * r.regretQuantile)} % regret`],
    ...(r.threshold !== undefined
      ? ([["satisficing", "meets the threshold most often"]] as [string, string][])
      : []),
  ];
  const preferred = names.map(([key, label]) => {
    const best = r.preferred[key as keyof RobustnessResult["preferred"]];
    return `${label}: ${best.length === r.policies.length ? "a tie between all" : best.join(" = ")}`;
  });
  text += `  preferred — ${preferred.join("; ")}\n`;
  return text;
}

function robustnessMethod(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  const policies = choosePolicies(data, options.policy);
  let text = header(data);
  const json: Record<string, unknown>[] = [];
  const tables: Analysis["tables"] = [];
  const charts: Analysis["charts"] = [];
  const outcomes = chooseOutcomes(data, options.outcome);
  for (const outcome of outcomes) {
    const r = robustnessOf(data, outcome, policies, options);
    if (!r) {
      if (options.outcome)
        text += `\n${outcome}: an "info" outcome or never defined: no robustness to report.\n`;
      continue;
    }
    text += robustnessText(outcome, r);
    const rows = r.policies.map((p) => ({
      policy: p.policy,
      worst: p.worst,
      best: p.best,
      laplace: p.laplace,
      hurwicz: p.hurwicz,
      maxRegret: p.maxRegret,
      regretQuantile: p.regretQuantile,
      ...(p.satisficing === undefined ? {} : { satisficing: p.satisficing }),
    }));
    json.push({
      outcome,
      direction: r.direction,
      futures: r.futures,
      dropped: r.dropped,
      hurwiczAlpha: r.hurwiczAlpha,
      regretQuantile: r.regretQuantile,
      threshold: r.threshold ?? null,
      policies: rows,
      preferred: r.preferred,
    });
    tables.push({
      name: stem("robustness", outcome),
      csv: csv(
        ["policy", "worst", "best", "laplace", "hurwicz", "max_regret", "regret_quantile", "satisficing"],
        rows.map((p) => [
          p.policy,
          p.worst,
          p.best,
          p.laplace,
          p.hurwicz,
          p.maxRegret,
          p.regretQuantile,
          p.satisficing ?? "",
        ]),
      ),
    });
    const distribution = Object.fromEntries(
      policies.map((p) => [p, Array.from(data.values(outcome, p)).filter(Number.isFinite)]),
    );
    charts.push({
      name: stem("distribution", outcome),
      chart: outcomeDistributionChart(distribution, { document, outcome }),
    });
  }
  if (json.length === 0) text += "\nNo outcome to rank: every outcome is of kind info.\n";
  return {
    method: "robustness",
    json: { method: "robustness", store: data.path, results: json },
    text,
    charts,
    tables,
  };
}

/** A claim's result, with where it holds when it mostly fails (PRIM on the futures where it holds). */
export type ClaimReport = ClaimResult & { holdsWhen?: PrimResult };

/** The store's claims (or the ones given) evaluated over its futures, PRIM on where each fails. */
export function claimResults(data: StoreData, specs: readonly ClaimSpec[]): ClaimReport[] {
  const policies = data.policies;
  const results = evaluateClaims(
    specs,
    {
      futures: data.futureCount,
      outcomes: data.plan.outcomes.map((o) => o.name),
      policies,
      values: (o, p) => data.values(o, p),
    },
    { inputs: data.inputs },
  );
  // A claim that fails in most futures is better described by where it holds.
  return results.map((c) => {
    const holds = c.failing.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
    if (c.kind !== "per-future" || !(c.share < 0.5) || holds === 0 || data.inputs.names.length === 0)
      return c;
    const columns = data.inputs.columns.map((col) => Float64Array.from(c.kept, (f) => col[f]!));
    if (!columns.every((col) => col.every(Number.isFinite))) return c;
    const holdsWhen = prim({
      names: data.inputs.names,
      columns,
      y: Uint8Array.from(c.failing, (x) => 1 - x),
    });
    return { ...c, holdsWhen };
  });
}

/**
 * The restrictions of a box that matter (quasi-p below 0.1 over the number of inputs searched, see
 * significantRestrictions), most significant first, as text.
 */
function tellingBox(box: PrimResult, what: string): string {
  const b = box.box;
  const telling = significantRestrictions(box);
  const shown = telling.slice(0, 4);
  const rest = box.restrictions.length - shown.length;
  const limit = `quasi-p < 0.1/${box.inputs}, the inputs searched`;
  if (shown.length === 0)
    return `no assumption stands out where it ${what} (no restriction with ${limit}, in a box of ${pct(b.coverage)} of those futures): over ${box.trajectory[0]?.n ?? 0} futures only a strong condition could; more futures (corridor explore --futures N) can show weaker ones`;
  return `${what} mostly when: ${shown.map((r) => `${r.name} in ${num(r.lo)} to ${num(r.hi)}`).join(" and ")} (a box holding ${pct(b.coverage)} of those futures, ${pct(b.density)} of its futures ${what === "fails" ? "failing" : "holding"}${rest > 0 ? `; ${rest} more restricted inputs not significant at ${limit}, or beyond the first four` : ""})`;
}

/** A claim's result as terminal lines: the share or probability with its interval, then where it breaks. */
export function claimText(c: ClaimReport): string {
  const verdict =
    c.kind === "per-future"
      ? `holds in ${pct(c.share)} of ${c.futures} futures (95 % interval ${pct(c.interval.low)} to ${pct(c.interval.high)})${c.ties ? `; the two sides are equal in ${pct(c.ties)}` : ""}`
      : `${c.verdict === "holds" ? "holds" : c.verdict === "fails" ? "fails" : "cannot be told from these futures"}: ${c.probabilities.map((p) => `${p.text} = ${pct(p.estimate)} (${pct(p.interval.low)} to ${pct(p.interval.high)})`).join(", ")}`;
  let text = `\n${c.name}${c.sentence ? ` — ${c.sentence}` : ""}\n  ${c.text}\n  ${verdict}${c.excluded > 0 ? ` (${c.excluded} futures left out for a missing value)` : ""}\n`;
  const allFail = c.failing.length > 0 && c.failing.every((x) => x === 1);
  const noneFail = c.failing.length > 0 && c.failing.every((x) => x === 0);
  if (allFail)
    text += "  fails in every future of this sample: no assumptions were found under which it holds.\n";
  else if (noneFail)
    text += "  holds in every future of this sample: no assumptions were found under which it fails.\n";
  else if (c.holdsWhen) text += `  ${tellingBox(c.holdsWhen, "holds")}.\n`;
  else if (c.breaks && c.breaks.restrictions.length > 0) text += `  ${tellingBox(c.breaks, "fails")}.\n`;
  else if (c.breaks)
    text += "  its failures are not explained by a box of the inputs (they are spread over the futures).\n";
  return text;
}

export function claimJson(c: ClaimReport): Record<string, unknown> {
  return {
    name: c.name,
    claim: c.text,
    sentence: c.sentence ?? null,
    kind: c.kind,
    futures: c.futures,
    excluded: c.excluded,
    share: c.share,
    interval: c.interval,
    verdict: c.verdict,
    ties: c.ties ?? null,
    probabilities: c.probabilities,
    holdsWhen: c.holdsWhen
      ? {
          coverage: c.holdsWhen.box.coverage,
          density: c.holdsWhen.box.density,
          restrictions: c.holdsWhen.restrictions.map(({ name, lo, hi, qp }) => ({ name, lo, hi, qp })),
        }
      : null,
    failsWhen: c.breaks
      ? {
          coverage: c.breaks.box.coverage,
          density: c.breaks.box.density,
          restrictions: c.breaks.restrictions.map(({ name, lo, hi, qp }) => ({ name, lo, hi, qp })),
        }
      : null,
  };
}

function claimsMethod(data: StoreData, options: AnalyzeOptions, document: ChartDocument): Analysis {
  const specs: ClaimSpec[] =
    options.claims ?? data.plan.claims.map((c) => ({ name: c.name, text: c.claim, sentence: c.sentence }));
  let text = header(data);
  if (specs.length === 0) {
    text += "\nThe store has no claims: give a claims file with --claims <file.yaml>.\n";
    return {
      method: "claims",
      json: { method: "claims", store: data.path, claims: [] },
      text,
      charts: [],
      tables: [],
    };
  }
  const results = claimResults(data, specs);
  for (const c of results) text += claimText(c);
  return {
    method: "claims",
    json: { method: "claims", store: data.path, claims: results.map(claimJson) },
    text,
    charts: [{ name: "claims", chart: claimChart(results, { document }) }],
    tables: [
      {
        name: "claims",
        csv: csv(
          ["name", "claim", "kind", "futures", "share", "low", "high", "verdict"],
          results.map((c) => [
            c.name,
            c.text,
            c.kind,
            c.futures,
            c.share,
            c.interval.low,
            c.interval.high,
            c.verdict,
          ]),
        ),
      },
    ],
  };
}
