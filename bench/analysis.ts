/**
 * Benchmarks of the exploration analyses on synthetic outputs (the model is not run, so only the
 * analysis is timed): Sobol indices over a Saltelli design of about a million rows, PRIM on 100,000
 * cases, extra-trees screening of 200 inputs, and the design builders. `CORRIDOR_BENCH_SCALE` (default 1)
 * scales the sizes down for a quick check. Medians of 3 runs after a warm-up run.
 */
import { prim, sobolIndices, treeScreening } from "../src/core/analysis/index.js";
import { gFunction } from "../src/core/analysis/test-functions.js";
import { buildDesign } from "../src/core/explore/index.js";
import { createStream } from "../src/core/random/index.js";
import type { BenchSection } from "./types.js";

const scale = Number(process.env["CORRIDOR_BENCH_SCALE"] ?? 1);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(f: () => void, runs = 3): number {
  f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push((performance.now() - t0) / 1000);
  }
  return median(t);
}

const unit = (k: number) =>
  Array.from({ length: k }, (_, i) => ({
    name: `x${i + 1}`,
    distribution: { kind: "uniform", lo: 0, hi: 1 } as const,
  }));

export async function runAnalysisBench(): Promise<BenchSection[]> {
  const rows: Record<string, string | number>[] = [];
  // Sobol: k = 6 inputs, N = 2^17 base rows → 2^17 · 8 = 1,048,576 rows.
  const k = 6;
  const n = Math.max(2, 2 ** Math.round(Math.log2(131072 * scale)));
  const a = [0, 1, 4.5, 9, 99, 99];
  let design: ReturnType<typeof buildDesign> | undefined;
  const tDesign = time(() => {
    design = buildDesign({ parameters: unit(k), sampler: { kind: "saltelli", size: n }, seed: 1 });
  }, 1);
  const y = new Float64Array(design!.rows);
  for (let r = 0; r < design!.rows; r++) y[r] = gFunction(design!.codes.subarray(r * k, (r + 1) * k), a);
  rows.push({
    task: `Saltelli design, k = ${k}, N = ${n}`,
    rows: design!.rows,
    "time (s)": tDesign.toFixed(3),
    target: "",
  });
  for (const resamples of [0, 100]) {
    const t = time(() => sobolIndices(y, k, { resamples, seed: 1 }));
    rows.push({
      task: `Sobol first + total order, ${resamples} bootstrap resamples`,
      rows: y.length,
      "time (s)": t.toFixed(3),
      target: resamples === 100 ? "< 5 s at 1,000,000 rows" : "",
    });
  }
  // PRIM: 100,000 cases, 10 inputs, a planted box in two of them plus 5 % label noise.
  const cases = Math.round(100_000 * scale);
  const d = 10;
  const random = createStream(2, 0, "bench/prim");
  const columns = Array.from({ length: d }, () => new Float64Array(cases));
  const flag = new Float64Array(cases);
  for (let i = 0; i < cases; i++) {
    for (let j = 0; j < d; j++) columns[j]![i] = random.next();
    const inBox = columns[0]![i]! > 0.3 && columns[0]![i]! < 0.7 && columns[3]![i]! > 0.6;
    flag[i] = random.next() < 0.05 ? (inBox ? 0 : 1) : inBox ? 1 : 0;
  }
  const names = columns.map((_, j) => `x${j}`);
  let steps = 0;
  const tPrim = time(() => {
    steps = prim({ names, columns, y: flag }, { alpha: 0.05 }).trajectory.length;
  });
  rows.push({
    task: `PRIM peel + paste + quasi-p, ${d} inputs, α = 0.05 (${steps} boxes)`,
    rows: cases,
    "time (s)": tPrim.toFixed(3),
    target: "< 5 s at 100,000 rows",
  });
  // Screening: 200 inputs, 2,000 cases, 50 trees.
  const sn = Math.round(2000 * Math.min(1, scale * 4));
  const sd = 200;
  const sc = Array.from({ length: sd }, () => new Float64Array(sn));
  const sy = new Float64Array(sn);
  for (let i = 0; i < sn; i++) {
    for (let j = 0; j < sd; j++) sc[j]![i] = random.next();
    sy[i] = 4 * sc[17]![i]! + 3 * Math.sin(2 * Math.PI * sc[3]![i]!);
  }
  const tScreen = time(
    () =>
      treeScreening(
        sc.map((_, j) => `x${j}`),
        sc,
        sy,
        { trees: 50 },
      ),
    1,
  );
  rows.push({
    task: `extra-trees screening, ${sd} inputs, 50 trees`,
    rows: sn,
    "time (s)": tScreen.toFixed(3),
    target: "",
  });
  return [
    {
      title: "Exploration analyses",
      rows,
      notes: [
        "Synthetic outputs (the G-function for Sobol, a planted box with 5 % label noise for PRIM); only the analysis is timed. Single thread.",
      ],
    },
  ];
}
