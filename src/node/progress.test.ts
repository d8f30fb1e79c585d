import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bufferIo } from "./io.js";
import { startProgress } from "./progress.js";

describe("progress lines (not a terminal)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("write a line at the start and every tenth, with the time left once 2 % of the work is done", () => {
    const io = bufferIo();
    const progress = startProgress(io, "runs", 400, { rate: true });
    // One run a second: the first line (1 of 400) comes before 8 are done, so no guess of the time left.
    for (let done = 1; done <= 400; done++) {
      vi.advanceTimersByTime(1000);
      progress.update(done);
    }
    progress.stop();
    const lines = io.stderr.trim().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("runs: 1/400 (1.0 runs/s, – left)");
    expect(lines[1]).toBe("runs: 40/400 (1.0 runs/s, 6m00s left)");
    expect(lines[10]).toBe("runs: 400/400 (1.0 runs/s, 0s left)");
  });

  it("count a resumed run's earlier work in the bar but not in the 2 %", () => {
    const io = bufferIo();
    const progress = startProgress(io, "runs", 400, { rate: true, already: 200 });
    vi.advanceTimersByTime(1000);
    progress.update(201);
    expect(io.stderr).toBe("runs: 201/400 (1.0 runs/s, – left)\n");
  });
});
