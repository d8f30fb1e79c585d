/** Reading stores back in tests. */
import { DuckDBInstance } from "@duckdb/node-api";

export async function query(path: string, sql: string): Promise<{ names: string[]; rows: unknown[][] }> {
  const instance = await DuckDBInstance.create(path, path === ":memory:" ? {} : { access_mode: "READ_ONLY" });
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql);
    return { names: reader.columnNames(), rows: reader.getRowsJS() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export const FIXTURES = new URL("../fixtures/explore/", import.meta.url).pathname;
