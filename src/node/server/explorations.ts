/**
 * Exploration stores (DuckDB files written by `corridor explore`, layout in docs/exploration.md)
 * read for the workbench: the experiment's description and the finished cases as columns. Opened
 * read-only, so a store being written by a running exploration is never changed.
 */
import { listFiles } from "./scenario-files.js";

/** Most cases sent to a browser at once; a larger store is cut to its first cases (said in the reply). */
export const MAX_CASES = 50_000;

export interface ExplorationData {
  path: string;
  name: string;
  source: string;
  model: string;
  sampler: { kind: string; size?: number; trajectories?: number } & Record<string, unknown>;
  futures: number;
  replications: number;
  focus?: { actor: string; dependent?: string };
  claims: { name: string; text: string; sentence?: string }[];
  inputs: string[];
  levers: string[];
  outcomes: { name: string; kind: string }[];
  rows: number;
  truncated: boolean;
  future: number[];
  lever: string[];
  replication: number[];
  /** One column per numeric input and outcome, null where undefined. */
  columns: Record<string, (number | null)[]>;
}

export function listExplorations(runsDir: string): string[] {
  return listFiles(runsDir, /\.duckdb$/i);
}

interface PlanLike {
  name?: string;
  sampler?: ExplorationData["sampler"];
  replications?: number;
  focus?: ExplorationData["focus"];
  claims?: RawClaim[];
  outcomes?: { name: string; kind: string }[];
}

export async function readExploration(file: string, shownPath: string): Promise<ExplorationData> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(file, { access_mode: "READ_ONLY", threads: "1" });
  const connection = await instance.connect();
  try {
    const tables = await connection.runAndReadAll(
      "SELECT table_name FROM information_schema.tables WHERE table_name IN ('meta', 'cases', 'inputs', 'outcomes')",
    );
    if (tables.getRowsJS().length < 4)
      throw new StoreRefused("not an exploration store (no meta, cases, inputs and outcomes tables)");
    const metaRows = (await connection.runAndReadAll("SELECT key, value FROM meta")).getRowsJS();
    const meta = new Map(metaRows.map((r) => [String(r[0]), String(r[1])]));
    const store = JSON.parse(meta.get("store") ?? "{}") as {
      plan?: PlanLike;
      source?: string;
      model?: string;
      futures?: number;
    };
    const plan = store.plan ?? {};
    const inputs = (await connection.runAndReadAll("SELECT name FROM inputs ORDER BY position"))
      .getRowsJS()
      .map((r) => String(r[0]));
    const outcomes = (await connection.runAndReadAll("SELECT name, kind FROM outcomes ORDER BY position"))
      .getRowsJS()
      .map((r) => ({ name: String(r[0]), kind: String(r[1]) }));
    const described = await connection.runAndReadAll("DESCRIBE cases");
    const types = new Map(described.getRowsJS().map((r) => [String(r[0]), String(r[1])]));
    const numeric = [...inputs, ...outcomes.map((o) => o.name)].filter((n) =>
      /DOUBLE|INT|FLOAT|DECIMAL|BIGINT/.test(types.get(n) ?? ""),
    );
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
    const total = Number(
      (
        await connection.runAndReadAll("SELECT count(*) FROM cases WHERE status = 'ok'")
      ).getRowsJS()[0]?.[0] ?? 0,
    );
    const select = ["future", "lever", "replication", ...numeric].map(quote).join(", ");
    const reader = await connection.runAndReadAll(
      `SELECT ${select} FROM cases WHERE status = 'ok' ORDER BY case_id LIMIT ${MAX_CASES}`,
    );
    const cols = reader.getColumnsJS();
    const asNumbers = (values: unknown[] | undefined) =>
      (values ?? []).map((v) => (v === null || v === undefined ? null : Number(v)));
    const columns: Record<string, (number | null)[]> = {};
    numeric.forEach((name, i) => {
      columns[name] = asNumbers(cols[3 + i]);
    });
    const lever = (cols[1] ?? []).map((v) => String(v));
    return {
      path: shownPath,
      name: plan.name ?? shownPath,
      source: store.source ?? meta.get("source") ?? "",
      model: store.model ?? meta.get("model") ?? "",
      sampler: plan.sampler ?? { kind: "unknown" },
      futures: Number(store.futures ?? meta.get("futures") ?? 0),
      replications: plan.replications ?? 1,
      ...(plan.focus && { focus: plan.focus }),
      claims: normaliseClaims(plan.claims ?? JSON.parse(meta.get("claims") ?? "[]")),
      inputs: inputs.filter((n) => numeric.includes(n)),
      levers: [...new Set(lever)],
      outcomes: outcomes.filter((o) => numeric.includes(o.name)),
      rows: lever.length,
      truncated: total > lever.length,
      future: asNumbers(cols[0]).map((v) => v ?? -1),
      lever,
      replication: asNumbers(cols[2]).map((v) => v ?? 0),
      columns,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The file is readable but is not an exploration store. */
export class StoreRefused extends Error {
  override name = "StoreRefused";
}

interface RawClaim {
  name: string;
  claim?: string;
  text?: string;
  sentence?: string;
}

/** Claims as the analysis library takes them: the statement in `text`, the plain sentence beside it. */
function normaliseClaims(raw: RawClaim[]): ExplorationData["claims"] {
  return raw.map((c) => ({
    name: c.name,
    text: c.claim ?? c.text ?? "",
    ...((c.sentence ?? (c.claim ? c.text : undefined)) !== undefined && { sentence: c.sentence ?? c.text! }),
  }));
}
