import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../core/errors/index.js";
import { ExploreStore, sqlText } from "../explore/store.js";
import type { Io } from "../io.js";

export interface ExportOptions {
  format: string;
  out?: string;
  force?: boolean;
}

const FORMATS = ["parquet", "csv"] as const;

/**
 * Writes the store's tidy tables: cases.<ext> (one row per case: keys, levers, inputs, outcomes, in
 * case order) and, when outcomes kept daily values, series.<ext> (case_id, outcome, day, value).
 * Each file is written beside its target and renamed into place, so a reader never sees half of one.
 */
export async function exportStore(storePath: string, options: ExportOptions): Promise<string[]> {
  if (!(FORMATS as readonly string[]).includes(options.format))
    throw new InputError({
      code: "invalid-value",
      path: "--format",
      expected: "parquet or csv",
      found: `"${options.format}"`,
    });
  const ext = options.format;
  const dir = options.out ?? dirname(storePath);
  const store = await ExploreStore.openExisting(storePath);
  try {
    const seriesRows = Number(
      (await store.connection.runAndReadAll("SELECT count(*) FROM series")).getRowsJS()[0]?.[0] ?? 0,
    );
    const tables: [string, string][] = [["cases", "SELECT * FROM cases ORDER BY case_id"]];
    if (seriesRows > 0) tables.push(["series", "SELECT * FROM series ORDER BY case_id, outcome, day"]);
    const targets = tables.map(([name]) => join(dir, `${name}.${ext}`));
    const existing = targets.filter((t) => existsSync(t));
    if (existing.length > 0 && !options.force)
      throw new InputError({
        code: "would-overwrite",
        file: existing[0]!,
        expected: "a path with no file (or --force to replace it)",
        found: "an existing file",
      });
    mkdirSync(dir, { recursive: true });
    const format = ext === "parquet" ? "(FORMAT parquet)" : "(FORMAT csv, HEADER true)";
    for (const [i, [, query]] of tables.entries()) {
      const target = targets[i]!;
      const partial = `${target}.partial-${process.pid}`;
      try {
        await store.connection.run(`COPY (${query}) TO ${sqlText(partial)} ${format}`);
        renameSync(partial, target);
      } catch (error) {
        rmSync(partial, { force: true });
        throw error;
      }
    }
    return targets;
  } finally {
    store.close();
  }
}

export function registerExport(program: Command, io: Io): void {
  program
    .command("export")
    .description("write an experiment store's tidy tables (one row per case) as Parquet or CSV")
    .argument("<store>", "the store written by `corridor explore` (.duckdb)")
    .option("--format <format>", "parquet or csv", "parquet")
    .option("--out <dir>", "folder to write into (default: the store's folder)")
    .option("--force", "replace files of an earlier export")
    .action(async (store: string, options: ExportOptions) => {
      const written = await exportStore(store, options);
      for (const file of written) io.out(`${file}\n`);
    });
}
