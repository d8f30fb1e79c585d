/**
 * `corridor query <folder|store> "<SQL>"`: SQL over a results folder or a DuckDB store with the
 * embedded DuckDB, so taking the data away needs no other program.
 *
 * A folder's files become views named by their file name without extension (one general rule, not a
 * list of known files): `series` (series.parquet, typed; series.csv when there is no Parquet), `events`
 * (events.jsonl), `outcomes`, `run`, `comparison`, `runs` (runs.csv), `manifest`, and `network`
 * (network.geojson, one row per feature with its properties as columns). A sub-folder's files become
 * views in a schema named after it: `"xa_phased-seed1".series`. A `.duckdb` file is opened read-only.
 * Only one statement that reads is run (SELECT and its forms, EXPLAIN), and DuckDB may open only the
 * files behind the views (external access off, configuration locked): a query neither reads other
 * files nor writes anywhere.
 */
import { lstatSync, readdirSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../core/errors/index.js";
import type { Io } from "../io.js";
import { positiveInteger } from "../options.js";

interface QueryOptions {
  json?: boolean;
  csv?: boolean;
  rows: number;
}

/** Rows printed as a table unless --rows says otherwise; --json and --csv print every row. */
const TABLE_ROWS = 100;

/** File kinds read as views, in order of preference when two files share a name (series.parquet wins). */
const READERS: [string, (path: string) => string][] = [
  [".parquet", (p) => `read_parquet(${sqlString(p)})`],
  [".csv", (p) => `read_csv(${sqlString(p)}, header = true)`],
  [".jsonl", (p) => `read_json(${sqlString(p)}, format = 'newline_delimited')`],
  [".geojson", (p) => `(SELECT unnest(features, recursive := true) FROM read_json(${sqlString(p)}))`],
  [".json", (p) => `read_json(${sqlString(p)})`],
];

export interface QueryView {
  schema?: string;
  name: string;
  file: string;
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;
const sqlName = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** The views a results folder offers: one per readable file, sub-folders as schemas (one level). */
export function folderViews(dir: string): QueryView[] {
  const views: QueryView[] = [];
  const add = (folder: string, schema?: string) => {
    const byName = new Map<string, string>();
    const entries = readdirSync(folder, { withFileTypes: true }).filter((e) => !e.name.startsWith("."));
    for (const [extension] of READERS) {
      for (const entry of entries) {
        if (!entry.isFile() || extname(entry.name).toLowerCase() !== extension) continue;
        const name = basename(entry.name, extname(entry.name)).replace(/^corridor-/, "");
        if (!byName.has(name)) byName.set(name, join(folder, entry.name));
      }
    }
    for (const [name, file] of byName) views.push({ ...(schema ? { schema } : {}), name, file });
    if (schema === undefined)
      for (const entry of entries) if (entry.isDirectory()) add(join(folder, entry.name), entry.name);
  };
  add(dir);
  return views;
}

function viewSql(view: QueryView): string {
  const reader = READERS.find(([extension]) => extname(view.file).toLowerCase() === extension)![1];
  const name = view.schema ? `${sqlName(view.schema)}.${sqlName(view.name)}` : sqlName(view.name);
  return `CREATE VIEW ${name} AS SELECT * FROM ${reader(view.file)}`;
}

const viewLabel = (v: QueryView) => (v.schema ? `"${v.schema}".${v.name}` : v.name);

export interface QueryResult {
  columns: string[];
  types: string[];
  rows: Record<string, unknown>[];
}

/** Runs `sql` on a results folder or a DuckDB store; a mistake in the SQL is bad input. */
export async function runQuery(source: string, sql: string): Promise<QueryResult> {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(resolve(source));
  } catch {
    throw new InputError({
      code: "query-source",
      file: source,
      expected: "a results folder (from run, compare, demo) or a .duckdb store",
      found: "no such file or folder",
    });
  }
  const duck = await import("@duckdb/node-api");
  const store = !stat.isDirectory();
  if (store && extname(source).toLowerCase() !== ".duckdb") {
    throw new InputError({
      code: "query-source",
      file: source,
      expected: "a results folder (from run, compare, demo) or a .duckdb store",
      found: "another kind of file",
    });
  }
  const views = store ? [] : folderViews(resolve(source));
  let instance: InstanceType<typeof duck.DuckDBInstance>;
  try {
    instance = await duck.DuckDBInstance.create(store ? resolve(source) : ":memory:", {
      threads: "1",
      ...(store ? { access_mode: "READ_ONLY" } : {}),
    });
  } catch (error) {
    throw new InputError({
      code: "query-source",
      file: source,
      expected: "a DuckDB store that can be opened read-only",
      found: firstLine(error),
    });
  }
  const connection = await instance.connect();
  try {
    for (const view of views) {
      if (view.schema) await connection.run(`CREATE SCHEMA IF NOT EXISTS ${sqlName(view.schema)}`);
      await connection.run(viewSql(view));
    }
    // From here on DuckDB may read the files behind the views and nothing else, and write nothing.
    const allowed = views.map((v) => sqlString(v.file)).join(", ");
    await connection.run(
      `SET allowed_paths = [${allowed}]; SET enable_external_access = false; SET lock_configuration = true`,
    );
    const available = store
      ? "the store's tables (try: SHOW ALL TABLES)"
      : views.length > 0
        ? `views ${views.map(viewLabel).join(", ")}`
        : "no views: the folder holds no .parquet, .csv, .jsonl, .json or .geojson file";
    const bad = (message: string): never => {
      // The list of views helps when a name is wrong, and is noise otherwise.
      const names = /Catalog Error|Binder Error|does not exist/.test(message)
        ? ` (available: ${available})`
        : "";
      throw new InputError({ code: "bad-sql", path: "SQL", message: `${message}${names}` });
    };
    let reader: Awaited<ReturnType<typeof connection.runAndReadAll>> | undefined;
    try {
      const statements = await connection.extractStatements(sql);
      if (statements.count !== 1) bad(`expected one statement, found ${statements.count}`);
      const prepared = await statements.prepare(0);
      const kind = duck.StatementType[prepared.statementType];
      // Queries only read: a COPY, ATTACH, SET, INSERT… could change results or other files.
      if (kind !== "SELECT" && kind !== "EXPLAIN")
        bad(
          `expected a query that only reads (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN), found ${kind}`,
        );
      reader = await prepared.runAndReadAll();
    } catch (error) {
      if (error instanceof InputError) throw error;
      bad(firstLine(error));
    }
    if (reader === undefined) return bad("no result");
    const converter = numbersConverter(duck);
    return {
      columns: reader.columnNames(),
      types: reader.columnTypes().map(String),
      rows: reader.convertRowObjects(converter),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** DuckDB's JSON conversion, with whole numbers and decimals as JSON numbers when they fit one. */
function numbersConverter(duck: typeof import("@duckdb/node-api")) {
  const { DuckDBTypeId, JsonDuckDBValueConverter } = duck;
  const wide = new Set<number>([
    DuckDBTypeId.BIGINT,
    DuckDBTypeId.UBIGINT,
    DuckDBTypeId.HUGEINT,
    DuckDBTypeId.UHUGEINT,
  ]);
  const converter: Parameters<typeof JsonDuckDBValueConverter>[2] = (value, type, self) => {
    if (value !== null && wide.has(type.typeId)) {
      const n = Number(value as bigint);
      return Number.isSafeInteger(n) ? n : String(value);
    }
    if (value !== null && type.typeId === DuckDBTypeId.DECIMAL) return Number(String(value));
    return JsonDuckDBValueConverter(value, type, self);
  };
  return converter;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split("\n", 1)[0]!
    .replace(/^Failed to extract statements: /, "")
    .trim();
}

const cellText = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function queryCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvField).join(",")];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvField(cellText(row[c]))).join(","));
  return `${lines.join("\n")}\n`;
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/** Columns padded to their widest cell: numbers right-aligned, everything else left-aligned. */
export function queryTable(result: QueryResult, rows: Record<string, unknown>[]): string {
  const cells = rows.map((row) => result.columns.map((c) => cellText(row[c])));
  const widths = result.columns.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c]!.length)));
  const right = result.types.map((t) => NUMERIC.test(t));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (right[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join("  ")
      .trimEnd();
  return `${[line(result.columns), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n")}\n`;
}

export function registerQuery(program: Command, io: Io): void {
  program
    .command("query")
    .description(
      "run SQL on a results folder (its files as views) or a DuckDB store, with the embedded DuckDB",
    )
    .argument("<source>", "a results folder (from run, compare, demo) or a .duckdb store (opened read-only)")
    .argument("<sql>", 'the SQL, e.g. "SELECT kind, count(*) FROM events GROUP BY kind"')
    .option("--json", "print the rows as a JSON array of objects")
    .option("--csv", "print the rows as CSV")
    .option(
      "--rows <n>",
      `rows printed as a table (default ${TABLE_ROWS}; --json and --csv print all)`,
      positiveInteger("--rows"),
      TABLE_ROWS,
    )
    .addHelpText(
      "after",
      "\nA folder's files are views named by file name: series, events, outcomes, run, network (one row per\n" +
        'map feature), runs and comparison (compare, demo); a sub-folder\'s files are "<sub-folder>".<view>.\n' +
        "Example:\n" +
        '  corridor query runs/two-routes-seed1 "SELECT kind, count(*) AS n FROM events GROUP BY kind ORDER BY n DESC"\n',
    )
    .action(async (source: string, sql: string, options: QueryOptions) => {
      if (options.json && options.csv) {
        throw new InputError({
          code: "usage",
          path: "--json, --csv",
          expected: "one output format",
          found: "both",
        });
      }
      const result = await runQuery(source, sql);
      if (options.json) {
        io.out(`${JSON.stringify(result.rows, null, 2)}\n`);
        return;
      }
      if (options.csv) {
        io.out(queryCsv(result));
        return;
      }
      const shown = result.rows.slice(0, options.rows);
      io.out(queryTable(result, shown));
      const more = result.rows.length - shown.length;
      io.out(
        `(${result.rows.length} row${result.rows.length === 1 ? "" : "s"}${more > 0 ? `; ${more} not shown: use --rows, --csv or --json` : ""})\n`,
      );
    });
}
