/**
 * An experimental design: named parameters with distributions, a sampler, and the master seed, turned
 * into a table of cases. Sampling happens in the unit cube (samplers.ts); each column is then mapped
 * through its distribution's quantile function, and order constraints are applied per row.
 *
 * Linked parameters: a parameter may list several `targets` (paths into a scenario, or model inputs); all
 * of them receive the one sampled value, so they move together and count as one input in every analysis.
 *
 * Order constraints (`lo` ≤ `hi` between two numeric parameters) are enforced by sorting the pair in each
 * row after the quantile mapping, never by rejection: rejection would break the structure of Latin
 * hypercube, Sobol, Saltelli and Morris designs. The model then sees g(x) = f(min, max) of independent
 * inputs, so Sobol indices and elementary effects stay well defined for the sampled columns. When both
 * parameters have the same distribution the sorted pair has exactly the distribution of the pair
 * conditioned on lo ≤ hi (order statistics of two i.i.d. draws); otherwise the marginals become the
 * distributions of the minimum and the maximum, which the documentation states.
 */
import { type InputIssue, suggestName } from "../errors/index.js";
import { createStream } from "../random/index.js";
import {
  type CategoryValue,
  checkDistribution,
  type Distribution,
  decode,
  isBounded,
  levelCount,
  quantile,
} from "./distributions.js";
import {
  fullFactorialUnit,
  latinHypercubeUnit,
  monteCarloUnit,
  morrisUnit,
  saltelliUnit,
  sobolUnit,
} from "./samplers.js";
import { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS } from "./sobol-sequence.js";

export interface ParameterSpec {
  readonly name: string;
  readonly distribution: Distribution;
  /** Paths or model inputs that all receive this parameter's value; defaults to [name]. */
  readonly targets?: readonly string[];
}

export interface OrderConstraint {
  /** Parameter names: after sampling, value(lo) ≤ value(hi) in every row. */
  readonly lo: string;
  readonly hi: string;
}

export type SamplerSpec =
  | { readonly kind: "monte-carlo"; readonly size: number }
  | { readonly kind: "latin-hypercube"; readonly size: number }
  /** `size` must be a power of two (the balance properties of the sequence hold for 2^m points). */
  | { readonly kind: "sobol"; readonly size: number }
  /** `size` is the base sample N, a power of two; the design has N(k + 2) rows. */
  | { readonly kind: "saltelli"; readonly size: number }
  /** `trajectories` r ≥ 2, `levels` p even ≥ 2 (default 4); r(k + 1) rows. */
  | { readonly kind: "morris"; readonly trajectories: number; readonly levels?: number }
  /** Discrete parameters take all their values; continuous ones `levels` quantiles (default 3). */
  | { readonly kind: "full-factorial"; readonly levels?: number };

export type SamplerKind = SamplerSpec["kind"];
export const SAMPLER_KINDS: readonly SamplerKind[] = [
  "monte-carlo",
  "latin-hypercube",
  "sobol",
  "saltelli",
  "morris",
  "full-factorial",
];

export interface DesignSpec {
  readonly parameters: readonly ParameterSpec[];
  readonly constraints?: readonly OrderConstraint[];
  readonly sampler: SamplerSpec;
  /** Master seed, an integer 0 … 2^53 − 1. */
  readonly seed: number;
}

/** Layout facts the analyses need: Saltelli's groups, Morris's steps. */
export type DesignLayout =
  | { readonly kind: "plain" }
  | { readonly kind: "saltelli"; readonly base: number; readonly groupSize: number }
  | {
      readonly kind: "morris";
      readonly trajectories: number;
      readonly levels: number;
      readonly delta: number;
      /** Per trajectory and step: the parameter (column) moved, and +1/−1 for its direction. */
      readonly factor: Int32Array;
      readonly sign: Int8Array;
    };

export interface Design {
  readonly spec: DesignSpec;
  readonly rows: number;
  /** Parameter names, one column each. */
  readonly names: readonly string[];
  /** Unit-cube coordinates, row-major rows × k (before constraints). */
  readonly unit: Float64Array;
  /** Numeric codes, row-major rows × k: the quantile value, or a category index, or 0/1 for booleans. */
  readonly codes: Float64Array;
  readonly layout: DesignLayout;
}

/** Largest design the library builds in memory at once. */
export const MAX_DESIGN_ROWS = 50_000_000;

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n >= 1 && 2 ** Math.round(Math.log2(n)) === n;

function positiveInteger(value: unknown, path: string, issues: InputIssue[], min = 1): boolean {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= min) return true;
  issues.push({ code: "out-of-range", path, expected: `an integer ≥ ${min}`, found: String(value) });
  return false;
}

function nearestPowersOfTwo(n: number): string {
  const lo = 2 ** Math.max(0, Math.floor(Math.log2(Math.max(1, n))));
  return lo === n ? String(n) : `${lo} or ${lo * 2}`;
}

/** Continuous levels used by a full factorial for a parameter. */
function factorialLevels(dist: Distribution, continuousLevels: number): number {
  const n = levelCount(dist);
  return Number.isFinite(n) ? n : continuousLevels;
}

/** Rows the design will have, or undefined when the sampler spec itself is invalid. */
export function designRows(sampler: SamplerSpec, parameters: readonly ParameterSpec[]): number | undefined {
  const k = parameters.length;
  switch (sampler.kind) {
    case "monte-carlo":
    case "latin-hypercube":
    case "sobol":
      return sampler.size;
    case "saltelli":
      return sampler.size * (k + 2);
    case "morris":
      return sampler.trajectories * (k + 1);
    case "full-factorial": {
      let n = 1;
      for (const p of parameters) n *= factorialLevels(p.distribution, sampler.levels ?? 3);
      return n;
    }
    default:
      return undefined;
  }
}

/**
 * Every problem with a design spec: parameter names, distributions, constraints, sampler sizes. Paths
 * are relative to `path` (e.g. "uncertainties"), so messages point into the user's file.
 */
export function checkDesign(spec: DesignSpec, path = ""): InputIssue[] {
  const at = (p: string) => (path ? `${path}.${p}` : p);
  const issues: InputIssue[] = [];
  const names = new Map<string, number>();
  const targets = new Map<string, string>();
  spec.parameters.forEach((p, i) => {
    if (typeof p.name !== "string" || p.name.length === 0)
      issues.push({ code: "missing-name", path: at(`parameters[${i}].name`), expected: "a non-empty name" });
    else if (names.has(p.name))
      issues.push({ code: "duplicate-name", path: at(`parameters[${i}].name`), found: p.name });
    else names.set(p.name, i);
    issues.push(...checkDistribution(p.distribution, at(`parameters[${i}].distribution`)));
    for (const t of p.targets ?? [p.name]) {
      const owner = targets.get(t);
      if (owner !== undefined && owner !== p.name)
        issues.push({
          code: "duplicate-target",
          path: at(`parameters[${i}].targets`),
          message: `"${t}" is already set by parameter "${owner}"; link them by listing both targets under one parameter`,
        });
      targets.set(t, p.name);
    }
  });
  const known = [...names.keys()];
  (spec.constraints ?? []).forEach((c, i) => {
    for (const side of ["lo", "hi"] as const) {
      const name = c[side];
      const index = names.get(name);
      if (index === undefined) {
        const suggestion = suggestName(name, known);
        issues.push({
          code: "unknown-parameter",
          path: at(`constraints[${i}].${side}`),
          expected: "the name of a parameter",
          found: JSON.stringify(name),
          ...(suggestion ? { suggestion } : {}),
        });
      } else {
        const kind = spec.parameters[index]!.distribution.kind;
        if (kind === "categorical" || kind === "boolean")
          issues.push({
            code: "constraint-not-numeric",
            path: at(`constraints[${i}].${side}`),
            expected: "a numeric parameter",
            found: `"${name}" (${kind})`,
          });
      }
    }
    if (c.lo === c.hi)
      issues.push({ code: "constraint-self", path: at(`constraints[${i}]`), found: `lo = hi = "${c.lo}"` });
  });
  const s = spec.sampler;
  const sp = (p: string) => at(`sampler.${p}`);
  const k = spec.parameters.length;
  if (k === 0)
    issues.push({ code: "no-parameters", path: at("parameters"), expected: "at least one parameter" });
  switch (s.kind) {
    case "monte-carlo":
    case "latin-hypercube":
      positiveInteger(s.size, sp("size"), issues);
      break;
    case "sobol":
      if (positiveInteger(s.size, sp("size"), issues) && (!isPowerOfTwo(s.size) || s.size > SOBOL_MAX_POINTS))
        issues.push({
          code: "sobol-size",
          path: sp("size"),
          expected: "a power of two up to 2^32 (a Sobol sequence is balanced only at 2^m points)",
          found: `${s.size} (nearest: ${nearestPowersOfTwo(s.size)})`,
        });
      if (k > SOBOL_MAX_DIMENSIONS)
        issues.push({
          code: "sobol-dimensions",
          path: at("parameters"),
          expected: `at most ${SOBOL_MAX_DIMENSIONS} parameters for a Sobol sequence`,
          found: String(k),
        });
      break;
    case "saltelli":
      if (
        positiveInteger(s.size, sp("size"), issues, 2) &&
        (!isPowerOfTwo(s.size) || s.size > SOBOL_MAX_POINTS)
      )
        issues.push({
          code: "saltelli-size",
          path: sp("size"),
          expected:
            "a base sample N that is a power of two ≥ 2 (the Sobol base of Saltelli's design is balanced only at 2^m points); the design has N·(k + 2) rows",
          found: `${s.size} (nearest: ${nearestPowersOfTwo(s.size)})`,
        });
      if (2 * k > SOBOL_MAX_DIMENSIONS)
        issues.push({
          code: "saltelli-dimensions",
          path: at("parameters"),
          expected: `at most ${SOBOL_MAX_DIMENSIONS / 2} parameters (the base is a ${SOBOL_MAX_DIMENSIONS}-dimensional Sobol sequence split in two)`,
          found: String(k),
        });
      break;
    case "morris": {
      positiveInteger(s.trajectories, sp("trajectories"), issues, 2);
      const p = s.levels ?? 4;
      if (!(Number.isSafeInteger(p) && p >= 2 && p % 2 === 0))
        issues.push({
          code: "out-of-range",
          path: sp("levels"),
          expected: "an even number of levels ≥ 2 (so that Δ = p/(2(p−1)) gives each level the same chance)",
          found: String(p),
        });
      break;
    }
    case "full-factorial":
      if (s.levels !== undefined) positiveInteger(s.levels, sp("levels"), issues);
      break;
    default:
      issues.push({
        code: "unknown-sampler",
        path: sp("kind"),
        expected: `one of ${SAMPLER_KINDS.join(", ")}`,
        found: String((s as { kind: unknown }).kind),
      });
  }
  if (issues.length === 0) {
    const rows = designRows(s, spec.parameters)!;
    if (rows > MAX_DESIGN_ROWS)
      issues.push({
        code: "design-too-large",
        path: at("sampler"),
        expected: `at most ${MAX_DESIGN_ROWS} cases`,
        found: `${rows} cases`,
      });
  }
  if (!(Number.isSafeInteger(spec.seed) && spec.seed >= 0))
    issues.push({
      code: "out-of-range",
      path: at("seed"),
      expected: "an integer 0 … 2^53 − 1",
      found: String(spec.seed),
    });
  return issues;
}

/** Stream name of each sampler's randomness, so designs of different kinds never share draws. */
const streamName = (kind: SamplerKind) => `explore/design/${kind}`;

/**
 * Builds the design. The spec must have passed `checkDesign` (this throws a RangeError otherwise, which
 * is a programming error, not a user's). The same spec and seed give the same design bit for bit.
 */
export function buildDesign(spec: DesignSpec): Design {
  const issues = checkDesign(spec);
  if (issues.length > 0)
    throw new RangeError(`buildDesign: invalid spec (${issues[0]!.code}); call checkDesign first`);
  const k = spec.parameters.length;
  const random = createStream(spec.seed, 0, streamName(spec.sampler.kind));
  const s = spec.sampler;
  let unit: Float64Array;
  let layout: DesignLayout = { kind: "plain" };
  switch (s.kind) {
    case "monte-carlo":
      unit = monteCarloUnit(s.size, k, random);
      break;
    case "latin-hypercube":
      unit = latinHypercubeUnit(s.size, k, random);
      break;
    case "sobol":
      unit = sobolUnit(s.size, k, random);
      break;
    case "saltelli":
      unit = saltelliUnit(s.size, k, random);
      layout = { kind: "saltelli", base: s.size, groupSize: k + 2 };
      break;
    case "morris": {
      const p = s.levels ?? 4;
      const m = morrisUnit(s.trajectories, k, p, random);
      unit = m.points;
      layout = {
        kind: "morris",
        trajectories: s.trajectories,
        levels: p,
        delta: m.delta,
        factor: m.factor,
        sign: m.sign,
      };
      break;
    }
    case "full-factorial":
      unit = fullFactorialUnit(spec.parameters.map((p) => factorialLevels(p.distribution, s.levels ?? 3)));
      break;
  }
  const rows = unit.length / k;
  const codes = new Float64Array(unit.length);
  const levels = layout.kind === "morris" ? layout.levels : 0;
  for (let j = 0; j < k; j++) {
    const dist = spec.parameters[j]!.distribution;
    // Morris levels include 0 and 1; an unbounded distribution reads level l at the centre of the l-th of
    // p cells, (l + ½)/p, instead of at an infinite quantile.
    const recentre = levels > 0 && !isBounded(dist);
    for (let i = 0; i < rows; i++) {
      let u = unit[i * k + j]!;
      if (recentre) u = (Math.round(u * (levels - 1)) + 0.5) / levels;
      codes[i * k + j] = quantile(dist, u);
    }
  }
  const index = new Map(spec.parameters.map((p, i) => [p.name, i]));
  for (const c of spec.constraints ?? []) {
    const a = index.get(c.lo)!;
    const b = index.get(c.hi)!;
    for (let i = 0; i < rows; i++) {
      const x = codes[i * k + a]!;
      const y = codes[i * k + b]!;
      if (x > y) {
        codes[i * k + a] = y;
        codes[i * k + b] = x;
      }
    }
  }
  return { spec, rows, names: spec.parameters.map((p) => p.name), unit, codes, layout };
}

/** The value of every parameter in one row, by name (categories and booleans decoded). */
export function caseInputs(design: Design, row: number): Record<string, CategoryValue> {
  const k = design.names.length;
  const out: Record<string, CategoryValue> = {};
  design.spec.parameters.forEach((p, j) => {
    out[p.name] = decode(p.distribution, design.codes[row * k + j]!);
  });
  return out;
}

/** The value each target receives in one row: linked targets share their parameter's value. */
export function caseTargets(design: Design, row: number): Map<string, CategoryValue> {
  const k = design.names.length;
  const out = new Map<string, CategoryValue>();
  design.spec.parameters.forEach((p, j) => {
    const value = decode(p.distribution, design.codes[row * k + j]!);
    for (const t of p.targets ?? [p.name]) out.set(t, value);
  });
  return out;
}

/** One column of numeric codes (a copy), for analyses that read inputs column-wise. */
export function designColumn(design: Design, j: number): Float64Array {
  const k = design.names.length;
  const out = new Float64Array(design.rows);
  for (let i = 0; i < design.rows; i++) out[i] = design.codes[i * k + j]!;
  return out;
}
