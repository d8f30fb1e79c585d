/**
 * series.parquet: the rows of series.csv with typed columns (day INTEGER, date DATE, the rest DOUBLE),
 * made by DuckDB reading the CSV just written. DuckDB parses decimal text to the nearest double, so the
 * values equal the CSV's exactly. DuckDB is loaded on first use: it is a large native module that
 * only this writer (and no command start-up) needs.
 */
import { SERIES_KEY_COLUMNS } from "./series-csv.js";

export async function writeSeriesParquet(
  csvPath: string,
  columns: string[],
  parquetPath: string,
): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    await connection.run(seriesParquetSql(csvPath, columns, parquetPath));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The COPY statement; column types are given, never guessed, so a column of zeros is still DOUBLE. */
function seriesParquetSql(csvPath: string, columns: string[], parquetPath: string): string {
  const types = [
    [SERIES_KEY_COLUMNS[0], "INTEGER"],
    [SERIES_KEY_COLUMNS[1], "DATE"],
    ...columns.map((name) => [name, "DOUBLE"]),
  ]
    .map(([name, type]) => `${sqlString(name!)}: '${type}'`)
    .join(", ");
  const read = `read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${types}})`;
  return `COPY (SELECT * FROM ${read}) TO ${sqlString(parquetPath)} (FORMAT parquet)`;
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
