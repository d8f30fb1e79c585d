import { describe, expect, it } from "vitest";
import { signed } from "../../src/node/commands/compare.js";

describe("signed numbers in the comparison's sentences", () => {
  it("keep the measure's precision when the value does not round to zero", () => {
    expect(signed(-2.4, "count")).toBe("−2");
    expect(signed(1234.5, "USD")).toBe("+1,235");
    expect(signed(0.126, "0–1")).toBe("+0.13");
    expect(signed(0, "count")).toBe("+0");
  });

  it("never print an interval end that excludes zero as −0 or +0", () => {
    expect(signed(-0.03, "count")).toBe("−0.03");
    expect(signed(0.004, "0–1")).toBe("+0.004");
    expect(signed(-0.049, "%")).toBe("−0.05");
  });
});
