import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeResult } from "../../../test/helpers/fake-result.js";
import { expectParquetMatchesCsv, readParquet } from "../../../test/helpers/parquet.js";
import type { Series } from "../../core/engine/types.js";
import { seriesCsv } from "./series-csv.js";
import { writeSeriesParquet } from "./series-parquet.js";

/** Writes series.csv and series.parquet for `series` into a fresh folder (with a quote in its name). */
async function writeBoth(series: Series) {
  const dir = mkdtempSync(join(tmpdir(), "corridor-parquet-o'neil-"));
  const csv = join(dir, "series.csv");
  writeFileSync(csv, seriesCsv(series));
  await writeSeriesParquet(csv, series.columns, join(dir, "series.parquet"));
  return { csv: readFileSync(csv, "utf8"), table: await readParquet(join(dir, "series.parquet")) };
}

describe("series.parquet", () => {
  it("holds the same rows and values as series.csv, typed INTEGER, DATE and DOUBLE", async () => {
    const { csv, table } = await writeBoth(fakeResult().series);
    expect(table.rows).toHaveLength(3);
    expectParquetMatchesCsv(csv, table);
  });

  it("keeps NaN, infinities, and a column of whole numbers as doubles", async () => {
    const series: Series = {
      days: 3,
      dates: ["2024-02-28", "2024-02-29", "2024-03-01"],
      columns: ["odd", "zeros.a.b"],
      values: {
        odd: Float64Array.from([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]),
        "zeros.a.b": Float64Array.from([0, 0, 2]),
      },
    };
    const { csv, table } = await writeBoth(series);
    expect(table.types).toEqual(["INTEGER", "DATE", "DOUBLE", "DOUBLE"]);
    expect(table.rows.map((r) => r[2])).toEqual([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    expect(table.rows.map((r) => r[3])).toEqual([0, 0, 2]);
    expectParquetMatchesCsv(csv, table);
  });
});
