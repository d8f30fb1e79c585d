/**
 * The comparison of policies across the futures of an exploration: per policy and outcome, the median
 * and the 10–90 % band over futures, and the paired difference from a reference policy (every policy
 * ran the same futures with the same seeds, so the difference is taken future by future), with its
 * confidence interval and the share of futures in which the policy does better. A "no clear
 * difference" is said when the interval includes 0.
 */
import {
  CONFIDENCE,
  type PairedDifference,
  pairedDifference,
  sortedQuantile,
} from "../../core/engine/index.js";
import { formatTable } from "../table.js";
import { num } from "./methods.js";
import type { StoreData } from "./store-data.js";

export interface OutcomeRow {
  outcome: string;
  /** maximize, minimize or info (no "better" side). */
  kind: string;
  /** Per policy: median, 10 % and 90 % over the futures with a value. */
  bands: Record<string, { median: number; p10: number; p90: number; n: number }>;
  /** Per policy other than the reference: the paired difference policy − reference over futures. */
  differences: Record<string, PairedDifference>;
  /** True when the outcome has the same value under every policy in every future. */
  identical: boolean;
}

export function compareOverFutures(
  data: StoreData,
  outcomes: readonly string[],
  reference: string,
): OutcomeRow[] {
  return outcomes.map((outcome) => {
    const kind = data.plan.outcomes.find((o) => o.name === outcome)?.kind ?? "info";
    const bands: OutcomeRow["bands"] = {};
    const differences: OutcomeRow["differences"] = {};
    const ref = Array.from(data.values(outcome, reference));
    let identical = true;
    for (const p of data.policies) {
      const values = Array.from(data.values(outcome, p));
      const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
      bands[p] = {
        median: sortedQuantile(finite, 0.5),
        p10: sortedQuantile(finite, 0.1),
        p90: sortedQuantile(finite, 0.9),
        n: finite.length,
      };
      if (values.some((v, f) => !(v === ref[f] || (Number.isNaN(v) && Number.isNaN(ref[f]!)))))
        identical = false;
      if (p !== reference) differences[p] = pairedDifference(p, reference, values, ref);
    }
    return { outcome, kind, bands, differences, identical };
  });
}

const bandText = (b: OutcomeRow["bands"][string]) =>
  b.n === 0
    ? "–"
    : num(b.p10) === num(b.p90)
      ? num(b.median)
      : `${num(b.median)} (${num(b.p10)}–${num(b.p90)})`;

/** The difference from the reference as "+1,234 (92 %)": mean, and the share of futures where it is better. */
function differenceText(row: OutcomeRow, policy: string): string {
  if (row.identical) return "same";
  const d = row.differences[policy];
  if (!d || d.n === 0) return "";
  if (!d.clear) return "no clear difference";
  const sign = d.mean >= 0 ? "+" : "";
  const better = row.kind === "maximize" ? d.aHigher : row.kind === "minimize" ? d.bHigher : Number.NaN;
  return `${sign}${num(d.mean)}${Number.isFinite(better) ? ` (better in ${Math.round(100 * better)} %)` : ""}`;
}

/** Two tables: per outcome, each policy's median and band; then each policy's paired difference from the reference. */
export function futuresComparisonText(
  rows: readonly OutcomeRow[],
  policies: readonly string[],
  reference: string,
): string {
  const others = policies.filter((p) => p !== reference);
  const label = (r: OutcomeRow) =>
    `${r.identical ? "= " : "  "}${r.outcome}${r.kind === "maximize" ? " ↑" : r.kind === "minimize" ? " ↓" : ""}`;
  const bands = formatTable(
    ["outcome (median, 10–90 % of futures)", ...policies],
    rows.map((r) => [label(r), ...policies.map((p) => bandText(r.bands[p]!))]),
    { rule: true },
  );
  const differences = formatTable(
    [`paired difference from ${reference}`, ...others],
    rows.map((r) => [label(r), ...others.map((p) => differenceText(r, p))]),
    { rule: true },
  );
  return `${bands}
${differences}`;
}

export const COMPARISON_NOTE = `↑ higher is better, ↓ lower is better; = the same under every policy in every future.
A paired difference is the mean over futures of (policy − reference), future by future, shown only when
its ${Math.round(100 * CONFIDENCE)} % interval excludes 0, with the share of futures in which the policy does better.`;

export function comparisonCsv(
  rows: readonly OutcomeRow[],
  policies: readonly string[],
  reference: string,
): string {
  const header = [
    "outcome",
    "kind",
    "policy",
    "median",
    "p10",
    "p90",
    "n",
    "diff_mean",
    "diff_low",
    "diff_high",
    "diff_clear",
    "share_better",
  ];
  const out = [header.join(",")];
  for (const r of rows)
    for (const p of policies) {
      const b = r.bands[p]!;
      const d = r.differences[p];
      const better = d
        ? r.kind === "maximize"
          ? d.aHigher
          : r.kind === "minimize"
            ? d.bHigher
            : Number.NaN
        : Number.NaN;
      const cell = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "" : String(x));
      out.push(
        [
          r.outcome,
          r.kind,
          p,
          cell(b.median),
          cell(b.p10),
          cell(b.p90),
          String(b.n),
          cell(d?.mean),
          cell(d?.low),
          cell(d?.high),
          d ? String(d.clear) : "",
          cell(better),
        ].join(","),
      );
    }
  return `${out.join("\n")}\n`;
}
