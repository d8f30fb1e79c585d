/** Reads a Parquet file back with DuckDB and compares it with the CSV it was made from. */
import { DuckDBInstance } from "@duckdb/node-api";
import { expect } from "vitest";

export interface ParquetTable {
  names: string[];
  types: string[];
  rows: unknown[][];
}

export async function readParquet(path: string): Promise<ParquetTable> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_parquet('${path.replaceAll("'", "''")}') ORDER BY day`,
    );
    return { names: reader.columnNames(), types: reader.columnTypes().map(String), rows: reader.getRowsJS() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Same header, same number of rows, and every cell equal: day and date as written, doubles bit for bit. */
export function expectParquetMatchesCsv(csv: string, table: ParquetTable): void {
  const lines = csv.trimEnd().split("\n");
  expect(table.names).toEqual(lines[0]!.split(","));
  expect(table.types).toEqual(["INTEGER", "DATE", ...table.names.slice(2).map(() => "DOUBLE")]);
  expect(table.rows).toHaveLength(lines.length - 1);
  for (const [i, line] of lines.slice(1).entries()) {
    const [day, date, ...values] = line.split(",");
    const row = table.rows[i]!;
    expect(row[0]).toBe(Number(day));
    expect((row[1] as Date).toISOString().slice(0, 10)).toBe(date);
    for (const [c, text] of values.entries()) {
      if (!Object.is(row[c + 2], Number(text))) {
        expect.fail(`row ${i}, column ${table.names[c + 2]}: parquet ${String(row[c + 2])}, csv ${text}`);
      }
    }
  }
}
