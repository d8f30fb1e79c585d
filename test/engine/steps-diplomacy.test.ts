/**
 * The diplomacy step (src/core/engine/steps/diplomacy.ts) worked out by hand on the toy corridor's two
 * states XA (0) and XB (1), with a mediator XM (2) and a monitor XN (3), the step called alone on a fresh
 * world. Draws are taken out of play by probabilities of 0 or 1 (verification, honour, intervention,
 * hazard), so every outcome follows from the parameters. Trust relaxation is off (relaxPerDay 0) unless a
 * test studies it; verified acts move trust by η⁺(1 − T) = 0.05(1 − T) or −η⁻T = −0.15T.
 */
import { describe, expect, it } from "vitest";
import { compileModel } from "../../src/core/engine/model.js";
import { diplomacyStep } from "../../src/core/engine/steps/diplomacy.js";
import { createWorld, type World } from "../../src/core/engine/world.js";
import { createStreams } from "../../src/core/random/index.js";
import { toyScenario } from "./scenarios.js";

type Data = Record<string, unknown>;

const XA = 0;
const XB = 1;
const XM = 2;
const XN = 3;
const NA = 4;

interface Options {
  relation?: Data;
  model?: Record<string, Data>;
  returns?: Data[];
}

function world(options: Options = {}): World {
  const scenario = toyScenario({
    model: {
      routing: { gap: 1e-9, changeThreshold: 1e-6 },
      trust: { relaxPerDay: 0 },
      ...options.model,
    },
    extra: {
      actors: [
        { id: "xa", name: "State A", kind: "state", country: "XA" },
        { id: "xb", name: "State B", kind: "state", country: "XB" },
        { id: "xm", name: "Mediator", kind: "mediator" },
        { id: "xn", name: "Monitor", kind: "mediator" },
      ],
      relations: [{ a: "xa", b: "xb", verification: 1, mediators: ["xm", "xn"], ...options.relation }],
      returns: options.returns ?? [],
    },
  });
  return createWorld(compileModel(scenario, { days: 60 }), createStreams(1, 0));
}

function days(w: World, from: number, to: number, before?: (day: number) => void): void {
  for (let d = from; d <= to; d++) {
    w.day = d;
    before?.(d);
    diplomacyStep(w);
  }
}

const events = (w: World, kind: string) => w.log.events.filter((e) => e.kind === kind);
const rel = (w: World) => w.relations[0]!;

describe("diplomacy: returns", () => {
  const programme = (fields: Data = {}) => ({
    id: "ret",
    from: "xa",
    to: "xb",
    start: "2025-01-01",
    end: "2025-01-03",
    peoplePerDay: 4000,
    ...fields,
  });

  it("returns people each day of the programme, books the cost, and counts one hostile act per 10,000", () => {
    const w = world({ returns: [programme()] });
    days(w, 0, 1);
    // Days 0–1: 8,000 returned, 500 USD each on the receiver; no act yet.
    expect(w.today.returned).toBe(4000);
    expect([w.accounts.returned[XA], w.accounts.received[XB]]).toEqual([8000, 8000]);
    expect([w.accounts.returned[XB], w.accounts.received[XA]]).toEqual([0, 0]);
    expect(w.accounts.humanitarian[XB]).toBe(4e6);
    expect(w.accounts.humanitarian[XA]).toBe(0);
    expect(events(w, "act")).toEqual([]);
    // Day 2 (the programme's last): 12,000 in all, the first hostile act; trust of XB in XA 0.5 → 0.425.
    days(w, 2, 2);
    const acts = events(w, "act");
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({
      day: 2,
      actor: "xa",
      target: "xb",
      text: "hostile act by xa towards xb (returns: 12000 people sent back so far)",
    });
    expect(acts[0]!.parent).toBeUndefined();
    expect(w.trustOf(XB, XA)).toBeCloseTo(0.425, 15);
    expect(w.trustOf(XA, XB)).toBe(0.5);
    expect(w.returnedBetween.get(XA * NA + XB)).toBe(12000);
    // Day 3: past the end.
    days(w, 3, 3);
    expect(w.today.returned).toBe(0);
    expect(w.accounts.received[XB]).toBe(12000);
  });

  it("starts on its start day, runs open-ended without an end, and adds the actions' deportation rate", () => {
    const w = world({
      returns: [programme({ start: "2025-01-03", end: undefined, peoplePerDay: 2500 })],
      model: { returns: { humanitarianCostUsdPerPerson: 100, peoplePerHostileAct: 1000 } },
    });
    days(w, 0, 1);
    expect(w.accounts.received[XB]).toBe(0);
    // Day 2 on: 2,500 a day; at 1,000 a hostile act: 2 acts on day 2 (2,500), 3 on day 3 (5,000), …
    days(w, 2, 2);
    expect(events(w, "act")).toHaveLength(2);
    w.deportRate[XB * NA + XA] = 300;
    days(w, 3, 40);
    expect(w.accounts.received[XB]).toBe(2500 * 39);
    // The deportation rate from XB: 300 a day on days 3–40 = 11,400, 100 USD each on XA.
    expect(w.accounts.received[XA]).toBe(300 * 38);
    expect(w.accounts.humanitarian[XA]).toBe(100 * 300 * 38);
    expect(w.today.returned).toBe(2800);
    const fromXa = events(w, "act").filter((e) => e.actor === "xa");
    const fromXb = events(w, "act").filter((e) => e.actor === "xb");
    expect(fromXa).toHaveLength(Math.floor((2500 * 39) / 1000));
    expect(fromXb).toHaveLength(11);
    expect(fromXb[0]!.text).toBe("hostile act by xb towards xa (returns: 1200 people sent back so far)");
  });
});

describe("diplomacy: confidence-building measures", () => {
  it("waits for the end day, then the receiver honours it (honourBase 1): a cooperative act", () => {
    const w = world({ model: { cbm: { days: 60, honourBase: 1 } } });
    w.cbms.push({ proposer: XA, to: XB, endDay: 3, cause: 0 });
    days(w, 0, 2);
    expect(w.cbms).toHaveLength(1);
    days(w, 3, 3);
    expect(w.cbms).toEqual([]);
    const [honoured] = events(w, "cbm-honoured");
    expect(honoured).toMatchObject({
      day: 3,
      actor: "xb",
      target: "xa",
      cause: "confidence-building measure at its end date",
      values: { "honour probability": 1, "trust(xb, xa)": 0.5 },
      text: "xb honoured the confidence-building measure proposed by xa",
      parent: 0,
    });
    // Verified (verification 1): trust of XA in XB 0.5 + 0.05 × 0.5 = 0.525.
    const [act] = events(w, "act");
    expect(act).toMatchObject({ actor: "xb", target: "xa", parent: honoured!.id });
    expect(act!.text).toBe(
      "cooperative act by xb towards xa (xb honoured the confidence-building measure proposed by xa)",
    );
    expect(w.trustOf(XA, XB)).toBeCloseTo(0.525, 15);
    expect(w.verifiedToday).toEqual([{ from: XB, to: XA, kind: "cooperative" }]);
  });

  it("collapses at its end when the honour probability is 0 (honourBase 0, trust 0): a hostile act", () => {
    const w = world({ model: { cbm: { days: 60, honourBase: 0 } }, relation: { trustBA: 0 } });
    w.cbms.push({ proposer: XA, to: XB, endDay: 0, cause: 0 });
    days(w, 0, 0);
    expect(events(w, "cbm-honoured")).toEqual([]);
    expect(events(w, "cbm-collapsed")[0]).toMatchObject({
      values: { "honour probability": 0, "trust(xb, xa)": 0 },
      text: "the confidence-building measure between xa and xb collapsed",
    });
    // Hostile and verified: trust of XA in XB 0.5 − 0.15 × 0.5 = 0.425.
    expect(w.trustOf(XA, XB)).toBeCloseTo(0.425, 15);
  });

  it("gives the honour probability base + (1 − base) × trust", () => {
    // 0.2 + 0.8 × 0.6 = 0.68, whatever the draw.
    const w = world({ model: { cbm: { days: 60, honourBase: 0.2 } }, relation: { trustBA: 0.6 } });
    w.cbms.push({ proposer: XA, to: XB, endDay: 0, cause: 0 });
    days(w, 0, 0);
    const [event] = [...events(w, "cbm-honoured"), ...events(w, "cbm-collapsed")];
    expect(event!.values["honour probability"]).toBeCloseTo(0.68, 15);
    expect(event!.values["trust(xb, xa)"]).toBe(0.6);
  });

  it("collapses at once, before its end, when the pair is at strikes or clashes", () => {
    for (const rung of ["strikes", "clashes"]) {
      const w = world({ model: { cbm: { days: 60, honourBase: 1 } }, relation: { ladder: rung } });
      w.cbms.push(
        { proposer: XB, to: XA, endDay: 50, cause: 0 },
        { proposer: XA, to: XB, endDay: 50, cause: 0 },
      );
      days(w, 0, 0);
      expect(w.cbms).toEqual([]);
      const collapsed = events(w, "cbm-collapsed");
      expect(collapsed.map((e) => e.actor)).toEqual(["xb", "xa"]);
      expect(collapsed[0]).toMatchObject({
        cause: "the pair escalated to strikes or worse while the measure ran",
        values: { rung },
      });
      expect(events(w, "cbm-honoured")).toEqual([]);
    }
  });

  it("runs its course at tension (not broken)", () => {
    const w = world({ model: { cbm: { days: 60, honourBase: 1 } }, relation: { ladder: "tension" } });
    w.cbms.push({ proposer: XA, to: XB, endDay: 5, cause: 0 });
    days(w, 0, 0);
    expect(w.cbms).toHaveLength(1);
  });

  it("collapses a measure between actors without a relation only at its end", () => {
    const w = world({ model: { cbm: { days: 60, honourBase: 1 } } });
    w.cbms.push({ proposer: XM, to: XN, endDay: 1, cause: 0 });
    days(w, 0, 0);
    expect(w.cbms).toHaveLength(1);
    days(w, 1, 1);
    expect(events(w, "cbm-honoured").map((e) => e.actor)).toEqual(["xn"]);
  });
});

describe("diplomacy: mediation", () => {
  // No ceasefire hazard, so the ceasefire a mediation brings stays.
  const sure = { mediation: { interventionPerDay: 1, monitorDays: 30 }, escalation: { hazard0: 0 } };

  it("brings a pair at strikes to a ceasefire, the first mediator only, who monitors for monitorDays", () => {
    const w = world({ model: sure, relation: { ladder: "strikes" } });
    days(w, 0, 4, (d) => {
      if (d === 4) w.relations[0]!.ladder = { rung: "strikes", daysInRung: 0, quietDays: 0 };
    });
    const mediations = events(w, "mediation");
    expect(mediations.map((e) => [e.day, e.actor])).toEqual([
      [0, "xm"],
      [4, "xm"],
    ]);
    expect(mediations[0]).toMatchObject({
      target: "xa–xb",
      cause: "mediator intervention while the pair is at strikes or clashes",
      values: { "intervention probability per day": 1, rung: "strikes" },
      text: "xm brought xa and xb to talks and will monitor for 30 days",
    });
    expect([...rel(w).monitors]).toEqual([[XM, 34]]);
    expect(rel(w).monitoredUntil).toBe(34);
    expect(rel(w).ladder.rung).toBe("ceasefire");
    expect(rel(w).ceasefires).toBe(2);
    expect(rel(w).mediatedToday).toBe(false);
  });

  it("mediates clashes too, but neither tension nor normal relations", () => {
    const clashes = world({ model: sure, relation: { ladder: "clashes" } });
    days(clashes, 0, 0);
    expect(events(clashes, "mediation")).toHaveLength(1);
    expect(rel(clashes).ladder.rung).toBe("ceasefire");
    for (const ladder of ["tension", "normal"]) {
      const w = world({ model: sure, relation: { ladder } });
      days(w, 0, 0);
      expect(events(w, "mediation")).toEqual([]);
      expect(rel(w).monitors.size).toBe(0);
    }
  });

  it("never intervenes at probability 0", () => {
    const w = world({
      model: { mediation: { interventionPerDay: 0, monitorDays: 30 } },
      relation: { ladder: "strikes" },
    });
    days(w, 0, 9);
    expect(events(w, "mediation")).toEqual([]);
    expect(rel(w).ladder.rung).toBe("strikes");
  });
});

describe("diplomacy: acts and verification", () => {
  it("skips acts without both ends or towards oneself, and clears the list", () => {
    const w = world();
    w.act({ from: -1, to: XB, kind: "hostile", cause: 0, what: "x" });
    w.act({ from: XA, to: -1, kind: "hostile", cause: 0, what: "x" });
    w.act({ from: XA, to: XA, kind: "hostile", cause: 0, what: "x" });
    days(w, 0, 0);
    expect(events(w, "act")).toEqual([]);
    expect(w.acts).toEqual([]);
    expect(w.trustOf(XA, XA)).toBe(0.3);
    expect([w.trustOf(XA, XB), w.trustOf(XB, XA)]).toEqual([0.5, 0.5]);
  });

  it("does not move trust for an unverified act (verification 0), and says so", () => {
    const w = world({ relation: { verification: 0 } });
    w.act({ from: XA, to: XB, kind: "hostile", cause: 5, what: "a raid" });
    days(w, 0, 0);
    expect(w.trustOf(XB, XA)).toBe(0.5);
    expect(w.verifiedToday).toEqual([]);
    expect(events(w, "act")[0]).toMatchObject({
      cause: "unverified act: trust does not move",
      values: { verified: false, "verification probability": 0, "trust before": 0.5, "trust after": 0.5 },
      text: "hostile act by xa towards xb (a raid), not verified",
      parent: 5,
    });
  });

  it("takes an act already verified without a draw, and moves trust quietly for a quiet act", () => {
    const w = world({ relation: { verification: 0 } });
    w.act({ from: XA, to: XB, kind: "cooperative", cause: 0, what: "aid", verified: true });
    w.act({ from: XB, to: XA, kind: "hostile", cause: 0, what: "minor", verified: true, quiet: true });
    days(w, 0, 0);
    // 0.5 + 0.05 × 0.5 = 0.525 (XB in XA); 0.5 − 0.15 × 0.5 = 0.425 (XA in XB), not logged.
    expect(w.trustOf(XB, XA)).toBeCloseTo(0.525, 15);
    expect(w.trustOf(XA, XB)).toBeCloseTo(0.425, 15);
    const acts = events(w, "act");
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({
      cause: "verified act: trust moves by η⁺(1−T) or −η⁻T",
      values: { verified: true, "verification probability": 0, "trust before": 0.5 },
      text: "cooperative act by xa towards xb (aid)",
    });
    expect(acts[0]!.values["trust after"]).toBeCloseTo(0.525, 15);
    expect(w.verifiedToday).toEqual([
      { from: XA, to: XB, kind: "cooperative" },
      { from: XB, to: XA, kind: "hostile" },
    ]);
    // A new day starts the list of verified acts afresh.
    days(w, 1, 1);
    expect(w.verifiedToday).toEqual([]);
  });

  it("does not verify an act the world says is unverified, whatever the relation's verification", () => {
    const w = world();
    w.act({ from: XA, to: XB, kind: "hostile", cause: 0, what: "denied", verified: false });
    days(w, 0, 0);
    expect(w.trustOf(XB, XA)).toBe(0.5);
  });
});

describe("diplomacy: trust relaxes to its baseline", () => {
  it("moves every direction by T ← b + (T − b)·e^(−ρ·factor): ρ = ln 2 halves the gap", () => {
    const w = world({
      model: { trust: { relaxPerDay: Math.LN2 } },
      relation: { trustAB: 0.7, trustBA: 0.1 },
    });
    days(w, 0, 0);
    // Baseline 0.3: 0.7 → 0.5, 0.1 → 0.2, pairs without a relation stay at 0.3.
    expect(w.trustOf(XA, XB)).toBeCloseTo(0.5, 14);
    expect(w.trustOf(XB, XA)).toBeCloseTo(0.2, 14);
    expect(w.trustOf(XM, XN)).toBeCloseTo(0.3, 14);
    // A mechanism doubling the rate: the gap shrinks to a quarter, 0.5 → 0.35.
    w.modifiers.relaxFactor = 2;
    days(w, 1, 1);
    expect(w.trustOf(XA, XB)).toBeCloseTo(0.35, 14);
    expect(w.trustOf(XN, XN)).toBeCloseTo(0.3, 14);
    w.trust[NA * NA - 1] = 0.9;
    days(w, 2, 2);
    expect(w.trust[NA * NA - 1]).toBeCloseTo(0.3 + 0.6 / 4, 14);
  });
});

describe("diplomacy: the escalation ladder", () => {
  it("escalates on an attributed incident, reading the lower trust direction, and logs the step", () => {
    // Trust 0.6 and 0.35: the lower, 0.35, is below retaliationTrust 0.4; tension → strikes.
    const w = world({ relation: { ladder: "tension", trustAB: 0.6, trustBA: 0.35 } });
    days(w, 0, 1);
    rel(w).attributedToday = 1;
    days(w, 2, 2);
    expect(rel(w).ladder).toEqual({ rung: "strikes", daysInRung: 0, quietDays: 0 });
    expect(rel(w).attributedToday).toBe(0);
    const [ladder] = events(w, "ladder");
    expect(ladder).toMatchObject({
      day: 2,
      actor: "xa",
      target: "xb",
      cause: "escalation ladder: retaliation",
      values: {
        "attributed major incidents today": 1,
        "trust (lower direction)": 0.35,
        mediation: false,
        "days on previous rung": 2,
      },
      text: "xa–xb: tension → strikes (retaliation)",
    });
    // Days on rungs: tension days 0–1, strikes from day 2 (RUNGS: normal, ceasefire, tension, strikes, clashes).
    expect([...rel(w).daysPerRung]).toEqual([0, 0, 2, 1, 0]);
    expect(rel(w).rungHistory).toEqual([2, 2, 3]);
    expect(rel(w).ceasefires).toBe(0);
  });

  it("does not retaliate when the lower trust is at 0.4 or above, and logs no step", () => {
    const w = world({ relation: { ladder: "tension", trustAB: 0.9, trustBA: 0.4 } });
    rel(w).attributedToday = 1;
    days(w, 0, 0);
    expect(rel(w).ladder.rung).toBe("tension");
    expect(events(w, "ladder")).toEqual([]);
  });

  it("counts a ceasefire broken by an incident as failed", () => {
    const w = world({ relation: { ladder: "ceasefire" } });
    rel(w).attributedToday = 1;
    days(w, 0, 0);
    expect(rel(w).ladder.rung).toBe("tension");
    expect([rel(w).ceasefires, rel(w).ceasefiresFailed]).toEqual([0, 1]);
  });

  it("counts a ceasefire failed by the hazard (h₀ = 1 at trust 0) as failed, and a held one not", () => {
    const params = { retaliationTrust: 0.4, calmDays: 30, holdDays: 2, hazard0: 1, hazardExponent: 2 };
    const failing = world({
      model: { escalation: params },
      relation: { ladder: "ceasefire", trustAB: 0, trustBA: 0 },
    });
    days(failing, 0, 0);
    expect(events(failing, "ladder")[0]!.cause).toBe("escalation ladder: ceasefire-failed");
    expect(rel(failing).ceasefiresFailed).toBe(1);
    const holding = world({
      model: { escalation: { ...params, hazard0: 0 } },
      relation: { ladder: "ceasefire", trustAB: 0, trustBA: 0 },
    });
    days(holding, 0, 1);
    expect(events(holding, "ladder").map((e) => [e.day, e.cause])).toEqual([
      [1, "escalation ladder: ceasefire-held"],
    ]);
    expect([rel(holding).ceasefires, rel(holding).ceasefiresFailed]).toEqual([0, 0]);
    expect(rel(holding).ladder.rung).toBe("normal");
  });

  it("scales the ceasefire hazard by the mechanisms' factor, capped at 1", () => {
    const params = { retaliationTrust: 0.4, calmDays: 30, holdDays: 3, hazard0: 0.2, hazardExponent: 2 };
    const at = (factor: number) => {
      const w = world({
        model: { escalation: params },
        relation: { ladder: "ceasefire", trustAB: 0, trustBA: 0 },
      });
      w.modifiers.hazardFactor[0] = factor;
      days(w, 0, 2);
      return events(w, "ladder").map((e) => [e.day, e.cause]);
    };
    // Factor 0: no hazard, held on day 2 (3 days). Factor 5: 0.2 × 5 = 1, fails on day 0.
    expect(at(0)).toEqual([[2, "escalation ladder: ceasefire-held"]]);
    expect(at(5)).toEqual([[0, "escalation ladder: ceasefire-failed"]]);
    expect(at(50)).toEqual([[0, "escalation ladder: ceasefire-failed"]]);
  });
});
