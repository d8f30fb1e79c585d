import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainEvent } from "../../src/core/engine/events.js";
import { main } from "../../src/node/cli.js";
import { bufferIo } from "../../src/node/io.js";
import { fakeEvents } from "../helpers/fake-result.js";
import { handMadeRunFolder } from "../helpers/run-folder.js";

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.stdout, err: io.stderr };
}

const events = fakeEvents();

describe("corridor explain on a hand-made run folder", () => {
  it("explains an event with its cause and values, then the chain of events it follows from", async () => {
    const r = await run("explain", handMadeRunFolder(), "--event", "3");
    expect(r.code).toBe(0);
    const [self, closure, incident] = [events[2]!, events[1]!, events[0]!];
    expect(r.out).toContain(explainEvent(self));
    expect(r.out).toContain("cause: escalation ladder");
    expect(r.out).toContain("trust = 0.25");
    const chain = r.out.slice(r.out.indexOf("It follows from:"));
    expect(chain.indexOf(`#${closure.id} `)).toBeGreaterThan(0);
    expect(chain.indexOf(`#${incident.id} `)).toBeGreaterThan(chain.indexOf(`#${closure.id} `));
    const indented = (text: string) =>
      text
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n");
    expect(chain).toContain(indented(explainEvent(closure)));
    expect(chain).toContain(indented(explainEvent(incident)));
  });

  it("says when an event follows from one missing from the log", async () => {
    const orphan = { ...events[1]!, parent: 42 };
    const r = await run("explain", handMadeRunFolder([orphan]), "--event", String(orphan.id));
    expect(r.code).toBe(0);
    expect(r.out).toContain("event #42, which is not in the log");
  });

  it("lists what an event led to", async () => {
    const r = await run("explain", handMadeRunFolder(), "--event", "1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("It follows from no earlier event.");
    expect(r.out.slice(r.out.indexOf("It led to:"))).toContain("#2 2024-01-01 (day 0) closure");
  });

  it("gives the chain as JSON with --json", async () => {
    const r = await run("explain", handMadeRunFolder(), "--event", "3", "--json");
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out);
    expect(parsed.event).toEqual(events[2]);
    expect(parsed.chain.map((e: { id: number }) => e.id)).toEqual([2, 1]);
  });

  it("names the valid range for an event id that does not exist, exit code 2", async () => {
    const r = await run("explain", handMadeRunFolder(), "--event", "99");
    expect(r.code).toBe(2);
    expect(r.err).toContain("from 1 to 4");
    expect(r.err).toContain("99");
  });

  it("prints the events of a day, of a date, and of a kind", async () => {
    const dir = handMadeRunFolder();
    const day = await run("explain", dir, "--day", "0");
    expect(day.code).toBe(0);
    expect(day.out).toContain("#1 ");
    expect(day.out).toContain("#2 ");
    expect(day.out).not.toContain("#3 ");
    const date = await run("explain", dir, "--date", "2024-01-02");
    expect(date.out).toContain(explainEvent(events[2]!));
    expect(date.out).not.toContain("#1 ");
    const kind = await run("explain", dir, "--kind", "reopening", "--json");
    expect(JSON.parse(kind.out).events).toEqual([events[3]]);
  });

  it("says so when a day of the run had no events, and rejects a day outside the run", async () => {
    const quiet = handMadeRunFolder(events.filter((e) => e.day !== 1));
    const r = await run("explain", quiet, "--day", "1");
    expect(r.code).toBe(0);
    expect(r.out).toContain("No events on day 1.");
    const outside = await run("explain", quiet, "--date", "2025-06-01");
    expect(outside.code).toBe(2);
    expect(outside.err).toContain("2024-01-01 to 2024-01-03");
  });

  it("suggests the closest kind for a kind the run never logged", async () => {
    const r = await run("explain", handMadeRunFolder(), "--kind", "closures");
    expect(r.code).toBe(2);
    expect(r.err).toContain('did you mean "closure"');
  });

  it("without a filter, counts the events of each kind and prints the first ones", async () => {
    const r = await run("explain", handMadeRunFolder());
    expect(r.code).toBe(0);
    expect(r.out).toContain("Two routes, one crossing");
    expect(r.out).toContain("seed 7");
    for (const kind of ["incident", "closure", "ladder", "reopening"])
      expect(r.out).toMatch(new RegExp(`${kind}\\s+1\\n`));
    for (const e of events) expect(r.out).toContain(explainEvent(e));
  });

  it("lists at most 20 events without a filter", async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...events[3]!, id: i + 1 }));
    const r = await run("explain", handMadeRunFolder(many, false), "--json");
    const parsed = JSON.parse(r.out);
    expect(parsed.counts).toEqual({ reopening: 25 });
    expect(parsed.first).toHaveLength(20);
  });

  it("rejects two filters at once", async () => {
    const r = await run("explain", handMadeRunFolder(), "--day", "0", "--kind", "closure");
    expect(r.code).toBe(2);
    expect(r.err).toContain("at most one of");
  });
});

describe("corridor explain on a bad folder", () => {
  it("reports a missing folder with exit code 2 and no stack trace", async () => {
    const r = await run("explain", "no/such/run");
    expect(r.code).toBe(2);
    expect(r.err).toContain("no/such/run");
    expect(r.err).not.toMatch(/at .*\.(js|ts)/);
  });

  it("reports a folder without events.jsonl", async () => {
    const r = await run("explain", mkdtempSync(join(tmpdir(), "corridor-empty-")));
    expect(r.code).toBe(2);
    expect(r.err).toContain("events.jsonl");
  });

  it("reports a malformed line of events.jsonl with its line number", async () => {
    const dir = handMadeRunFolder();
    const path = join(dir, "events.jsonl");
    writeFileSync(path, `${readFileSync(path, "utf8")}not json\n`);
    const r = await run("explain", dir, "--event", "1");
    expect(r.code).toBe(2);
    expect(r.err).toContain("events.jsonl:5");
  });
});
