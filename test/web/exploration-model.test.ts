import { describe, expect, it } from "vitest";
import { brushed, selection } from "../../web/src/exploration-model.js";

describe("brushing the exploration scatter", () => {
  const data = {
    future: [0, 0, 1, 1, 2, 2],
    lever: ["a", "b", "a", "b", "a", "b"],
  };
  const x = [1, 2, 3, 4, 5, 6];
  const y = [10, 20, 30, 40, 50, 60];

  it("selects the cases inside the rectangle, whichever corner the drag started from", () => {
    expect(brushed(x, y, { x0: 2, x1: 4, y0: 20, y1: 40 })).toEqual([1, 2, 3]);
    expect(brushed(x, y, { x0: 4, x1: 2, y0: 40, y1: 20 })).toEqual([1, 2, 3]);
  });

  it("lists the selected cases by future and lever, with the distinct futures", () => {
    const s = selection(data, [3, 1, 2], x, y);
    expect(s.rows).toEqual([
      { future: 0, lever: "b", x: 2, y: 20 },
      { future: 1, lever: "a", x: 3, y: 30 },
      { future: 1, lever: "b", x: 4, y: 40 },
    ]);
    expect(s.futures).toEqual([0, 1]);
  });

  it("gives an empty selection for an empty brush", () => {
    expect(selection(data, [], x, y)).toEqual({ rows: [], futures: [] });
  });
});
