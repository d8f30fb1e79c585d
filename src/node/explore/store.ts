/**
 * The store of an experiment: one DuckDB file holding one row per case (inputs, levers, seed, status,
 * outcomes), the daily series of kept outcomes, and the experiment's description. Rows are written in
 * transactions of a batch each, keyed by case id, so an interrupted run leaves whole batches only
 * and a resumed run adds exactly the missing cases. Layout: docs/exploration.md, "Store".
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { InputError } from "../../core/errors/index.js";
import type { CaseKey, CaseResult, InputValue, Plan } from "../../core/experiment/index.js";

export const STORE_FORMAT = "corridor-explore-v1";

export interface StoreMeta {
  format: string;
  /** sha256 of the experiment as run (sampler, seed, inputs, levers, outcomes…), claims excluded. */
  experimentHash: string;
  /** sha256 of the scenario text (with the files it extends) or of the module's text. */
  modelHash: string;
  /** What the experiment was made from: the experiment or scenario file, and the model file. */
  source: string;
  model: string;
  plan: Plan;
  futures: number;
  cases: number;
  version: string;
  createdAt: string;
}

export interface CaseRow {
  key: CaseKey;
  lever: string;
  levers: (string | number)[];
  inputs: InputValue[];
  result: CaseResult;
}

type ColumnType = "VARCHAR" | "DOUBLE";

export const quoteId = (name: string): string => `"${name.replaceAll('"', '""')}"`;
export const sqlText = (text: string): string => `'${text.replaceAll("'", "''")}'`;

export function inputType(plan: Plan, i: number): ColumnType {
  const d = plan.inputs[i]!.distribution;
  return d.kind === "categorical" && d.values.some((v) => typeof v === "string") ? "VARCHAR" : "DOUBLE";
}

export function leverType(plan: Plan, i: number): ColumnType {
  return plan.levers[i]!.kind === "policy" ? "VARCHAR" : "DOUBLE";
}

function casesTableSql(plan: Plan): string {
  const columns = [
    "case_id BIGINT PRIMARY KEY",
    "future INTEGER NOT NULL",
    "lever VARCHAR NOT NULL",
    "replication INTEGER NOT NULL",
    "seed BIGINT NOT NULL",
    "run BIGINT NOT NULL",
    "status VARCHAR NOT NULL",
    "error VARCHAR",
    ...plan.levers.map((l, i) => `${quoteId(l.name)} ${leverType(plan, i)}`),
    ...plan.inputs.map((x, i) => `${quoteId(x.name)} ${inputType(plan, i)}`),
    ...plan.outcomes.map((o) => `${quoteId(o.name)} DOUBLE`),
  ];
  return `CREATE TABLE cases (${columns.join(", ")})`;
}

export class ExploreStore {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly meta: StoreMeta,
  ) {}

  /**
   * Opens the store at `path` for `meta`'s experiment, creating it if new. A store made by another
   * experiment or another version of the model is bad input: nothing is run or written.
   */
  static async openFor(path: string, meta: StoreMeta): Promise<ExploreStore> {
    const fresh = !existsSync(path);
    if (fresh) mkdirSync(dirname(path), { recursive: true });
    const { instance, connection } = await connect(path);
    try {
      const existing = await readMeta(connection);
      if (!existing) {
        await initialise(connection, meta);
        return new ExploreStore(path, instance, connection, meta);
      }
      checkSameExperiment(path, existing, meta);
      return new ExploreStore(path, instance, connection, existing);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw error;
    }
  }

  /** Opens an existing store to read (export, analyze). */
  static async openExisting(path: string): Promise<ExploreStore> {
    if (!existsSync(path))
      throw new InputError({
        code: "file-not-readable",
        file: path,
        expected: "an experiment store (.duckdb)",
        found: "no such file",
      });
    let opened: { instance: DuckDBInstance; connection: DuckDBConnection };
    try {
      opened = await connect(path);
    } catch (error) {
      throw new InputError({
        code: "not-a-store",
        file: path,
        expected: "an experiment store made by `corridor explore`",
        found: error instanceof Error ? error.message.split("\n", 1)[0]! : String(error),
      });
    }
    const meta = await readMeta(opened.connection).catch(() => undefined);
    if (!meta) {
      opened.connection.closeSync();
      opened.instance.closeSync();
      throw new InputError({
        code: "not-a-store",
        file: path,
        expected: "an experiment store made by `corridor explore`",
        found: "a DuckDB file without its meta table",
      });
    }
    return new ExploreStore(path, opened.instance, opened.connection, meta);
  }

  /** Ids of the cases already stored. */
  async doneIds(): Promise<Set<number>> {
    const reader = await this.connection.runAndReadAll("SELECT case_id FROM cases");
    return new Set(reader.getColumnsJS()[0]?.map((v) => Number(v)) ?? []);
  }

  /** Writes a batch of finished cases in one transaction: all of them are stored, or none. */
  async write(rows: CaseRow[]): Promise<void> {
    if (rows.length === 0) return;
    const plan = this.meta.plan;
    await this.connection.run("BEGIN TRANSACTION");
    try {
      const cases = await this.connection.createAppender("cases");
      for (const row of rows) appendCase(cases, plan, row);
      cases.closeSync();
      if (rows.some((r) => r.result.series)) {
        const series = await this.connection.createAppender("series");
        for (const row of rows)
          for (const [name, values] of Object.entries(row.result.series ?? {}))
            values.forEach((v, day) => {
              series.appendBigInt(BigInt(row.key.caseId));
              series.appendVarchar(name);
              series.appendInteger(day);
              if (Number.isFinite(v)) series.appendDouble(v);
              else series.appendNull();
              series.endRow();
            });
        series.closeSync();
      }
      await this.connection.run("COMMIT");
    } catch (error) {
      await this.connection.run("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  /** Counts by status, and the most frequent errors. */
  async summary(): Promise<{ ok: number; failed: number; errors: { error: string; count: number }[] }> {
    const counts = await this.connection.runAndReadAll("SELECT status, count(*) FROM cases GROUP BY status");
    const by = new Map(counts.getRowsJS().map((r) => [String(r[0]), Number(r[1])]));
    const errors = await this.connection.runAndReadAll(
      // Errors that differ only in their numbers are one kind of failure: grouped, with one example.
      "SELECT min(error), count(*) AS n FROM cases WHERE status = 'failed' GROUP BY regexp_replace(error, '[0-9]+([.][0-9]+)?', '#', 'g') ORDER BY n DESC, min(error) LIMIT 5",
    );
    return {
      ok: by.get("ok") ?? 0,
      failed: by.get("failed") ?? 0,
      errors: errors.getRowsJS().map((r) => ({ error: String(r[0]), count: Number(r[1]) })),
    };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function connect(path: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(path, { threads: "1" });
  const connection = await instance.connect();
  return { instance, connection };
}

async function readMeta(connection: DuckDBConnection): Promise<StoreMeta | undefined> {
  const tables = await connection.runAndReadAll(
    "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'",
  );
  if (Number(tables.getRowsJS()[0]?.[0] ?? 0) === 0) return undefined;
  const reader = await connection.runAndReadAll("SELECT value FROM meta WHERE key = 'store'");
  const text = reader.getRowsJS()[0]?.[0];
  return typeof text === "string" ? (JSON.parse(text) as StoreMeta) : undefined;
}

/** Creates the tables and writes the description in one transaction. */
async function initialise(connection: DuckDBConnection, meta: StoreMeta): Promise<void> {
  const plan = meta.plan;
  await connection.run("BEGIN TRANSACTION");
  try {
    await connection.run("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
    await connection.run(casesTableSql(plan));
    await connection.run(
      "CREATE TABLE series (case_id BIGINT NOT NULL, outcome VARCHAR NOT NULL, day INTEGER NOT NULL, value DOUBLE)",
    );
    await connection.run(
      "CREATE TABLE inputs (name VARCHAR PRIMARY KEY, position INTEGER, paths VARCHAR, distribution VARCHAR, base DOUBLE)",
    );
    await connection.run(
      'CREATE TABLE levers (name VARCHAR PRIMARY KEY, position INTEGER, kind VARCHAR, actor VARCHAR, "values" VARCHAR)',
    );
    await connection.run(
      'CREATE TABLE outcomes (name VARCHAR PRIMARY KEY, position INTEGER, kind VARCHAR, source VARCHAR, aggregate VARCHAR, "window" INTEGER, keep BOOLEAN)',
    );
    const rows: [string, string][] = [
      ["store", JSON.stringify(meta)],
      ["format", meta.format],
      ["experiment_hash", meta.experimentHash],
      ["model_hash", meta.modelHash],
      ["source", meta.source],
      ["model", meta.model],
      ["futures", String(meta.futures)],
      ["cases", String(meta.cases)],
      ["seed", String(plan.seed)],
      ["claims", JSON.stringify(plan.claims)],
      ["version", meta.version],
      ["created_at", meta.createdAt],
    ];
    for (const [key, value] of rows)
      await connection.run(`INSERT INTO meta VALUES (${sqlText(key)}, ${sqlText(value)})`);
    for (const [i, x] of plan.inputs.entries())
      await connection.run(
        `INSERT INTO inputs VALUES (${sqlText(x.name)}, ${i}, ${sqlText(JSON.stringify(x.paths))}, ${sqlText(JSON.stringify(x.distribution))}, ${x.base ?? "NULL"})`,
      );
    for (const [i, l] of plan.levers.entries())
      await connection.run(
        `INSERT INTO levers VALUES (${sqlText(l.name)}, ${i}, ${sqlText(l.kind)}, ${l.actor ? sqlText(l.actor) : "NULL"}, ${sqlText(JSON.stringify(l.values))})`,
      );
    for (const [i, o] of plan.outcomes.entries())
      await connection.run(
        `INSERT INTO outcomes VALUES (${sqlText(o.name)}, ${i}, ${sqlText(o.kind)}, ${sqlText(JSON.stringify(o.read))}, ${sqlText(o.aggregate)}, ${o.window ?? "NULL"}, ${o.keep})`,
      );
    await connection.run("COMMIT");
  } catch (error) {
    await connection.run("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

function checkSameExperiment(path: string, existing: StoreMeta, wanted: StoreMeta): void {
  if (existing.format !== STORE_FORMAT)
    throw new InputError({
      code: "store-mismatch",
      file: path,
      expected: `a store of format ${STORE_FORMAT}`,
      found: existing.format,
    });
  if (existing.experimentHash !== wanted.experimentHash)
    throw new InputError({
      code: "store-mismatch",
      file: path,
      message:
        "this store was made by another experiment (different inputs, levers, outcomes, sampler or seed)",
      expected: `the experiment of ${existing.source} as it was run (or another --store)`,
      found: `experiment ${wanted.experimentHash.slice(0, 12)}, store ${existing.experimentHash.slice(0, 12)}`,
    });
  if (existing.modelHash !== wanted.modelHash)
    throw new InputError({
      code: "store-mismatch",
      file: path,
      message: `this store was made from another version of ${existing.model}`,
      expected: "the model file as it was when the store was made (or another --store)",
      found: `model ${wanted.modelHash.slice(0, 12)}, store ${existing.modelHash.slice(0, 12)}`,
    });
}

function appendValue(a: DuckDBAppender, type: ColumnType, v: unknown): void {
  if (v === null || v === undefined) a.appendNull();
  else if (type === "VARCHAR") a.appendVarchar(String(v));
  else {
    const n = typeof v === "boolean" ? Number(v) : Number(v);
    if (Number.isFinite(n)) a.appendDouble(n);
    else a.appendNull();
  }
}

function appendCase(a: DuckDBAppender, plan: Plan, row: CaseRow): void {
  const { key, result } = row;
  a.appendBigInt(BigInt(key.caseId));
  a.appendInteger(key.future);
  a.appendVarchar(row.lever);
  a.appendInteger(key.replication);
  a.appendBigInt(BigInt(key.seed));
  a.appendBigInt(BigInt(key.run));
  a.appendVarchar(result.status);
  if (result.error === undefined) a.appendNull();
  else a.appendVarchar(result.error);
  for (const [i, v] of row.levers.entries()) appendValue(a, leverType(plan, i), v);
  for (const [i, v] of row.inputs.entries()) appendValue(a, inputType(plan, i), v);
  for (const v of result.outcomes) appendValue(a, "DOUBLE", v);
  a.endRow();
}
