/** One table of benchmark results, as written to BENCHMARKS.md. */
export interface BenchSection {
  title: string;
  rows: Record<string, string | number>[];
  notes?: string[];
}
