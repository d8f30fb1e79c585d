/**
 * The built-in region as data: it passes its own validator, every number in it has a source or an
 * assumption range, every reference resolves, and the calibrations described in docs/region.md hold
 * (the numbers they start from are written here as they appear in the sources).
 */
import { describe, expect, it } from "vitest";
import { ShortestPathWorkspace, shortestPathTree } from "../../src/core/network/dijkstra.js";
import { type Scenario, scenarioNetwork } from "../../src/core/scenario/index.js";
import { BASE, HINDCAST, loadRegion } from "./load-region.js";

const base = loadRegion(BASE);
const hindcast = loadRegion(HINDCAST);

describe("the built-in region's files", () => {
  it("pass the scenario validator, the hindcast through extends", () => {
    expect(base.scenario.start).toBe("2026-01-01");
    expect(hindcast.scenario.start).toBe("2021-09-01");
    expect(hindcast.files).toHaveLength(2);
    // The hindcast keeps the base network and demand and replaces its dated sections.
    expect(hindcast.scenario.nodes).toEqual(base.scenario.nodes);
    expect(hindcast.scenario.demand).toEqual(base.scenario.demand);
    expect(hindcast.scenario.events.length).toBeGreaterThan(20);
    expect(hindcast.scenario.end).toBe("2025-12-31");
    expect(base.scenario.end).toBeUndefined();
    // The forward scenario forces only the state of Pakistan's transit curbs at the start.
    expect(base.scenario.events).toHaveLength(1);
    expect(base.scenario.events[0]).toMatchObject({
      date: "2026-01-01",
      actor: "pk",
      actions: ["transit_fee(af, transit_curbs_2025)"],
    });
  });

  it.each([
    ["forward", base],
    ["hindcast", hindcast],
  ])("give every number (%s) a source and date, or an assumption range that contains it", (_, loaded) => {
    const { parameters } = loaded;
    expect(parameters.length).toBeGreaterThan(500);
    const unsourced = parameters.filter((p) => p.kind === "bare" || p.kind === "default");
    expect(unsourced.map((p) => p.path)).toEqual([]);
    for (const p of parameters) {
      if (p.kind === "cited") {
        expect(p.source?.trim().length, p.path).toBeGreaterThan(0);
        expect(p.date, p.path).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      } else {
        expect(p.range, p.path).toBeDefined();
        const [lo, hi] = p.range!;
        expect(lo <= p.value && p.value <= hi, `${p.path}: ${p.value} in [${lo}, ${hi}]`).toBe(true);
      }
    }
  });

  it("name only declared nodes in links, crossings and demand; crossings join two countries", () => {
    const s = base.scenario;
    const country = new Map(s.nodes.map((n) => [n.id, n.country]));
    for (const l of [...s.links, ...s.crossings]) {
      expect(country.has(l.from), `${l.id}.from ${l.from}`).toBe(true);
      expect(country.has(l.to), `${l.id}.to ${l.to}`).toBe(true);
    }
    for (const c of s.crossings) expect(country.get(c.from), c.id).not.toBe(country.get(c.to));
    const zones = new Set(s.nodes.filter((n) => n.zone).map((n) => n.id));
    for (const d of s.demand) {
      expect(zones.has(d.origin), d.origin).toBe(true);
      expect(zones.has(d.destination), d.destination).toBe(true);
    }
  });

  it("hold the crossings, ports and actors the region needs", () => {
    const s = base.scenario;
    const crossings = s.crossings.map((c) => c.id);
    for (const id of [
      "torkham",
      "chaman",
      "ghulam_khan",
      "angoor_adda",
      "kharlachi",
      "islam_qala",
      "zaranj_milak",
      "hairatan",
      "torghundi",
      "aqina",
      "sher_khan_bandar",
    ])
      expect(crossings).toContain(id);
    const ports = s.nodes.filter((n) => n.kind === "port").map((n) => n.id);
    expect(ports.sort()).toEqual(["bandar_abbas", "chabahar", "gwadar", "karachi", "port_qasim"]);
    const actors = s.actors.map((a) => a.id);
    for (const id of ["pk", "af", "ir", "uz", "tm", "tj", "in", "cn", "qa", "tr", "sa", "ttp", "un_mt"])
      expect(actors).toContain(id);
    const policies = s.policies.map((p) => p.id);
    expect(policies).toEqual(
      expect.arrayContaining(["coercive", "open-now", "phased-conditional", "mediated-cbm", "diversify"]),
    );
    expect(s.actors.find((a) => a.id === "pk")?.policy).toBe("coercive");
    expect(s.actors.find((a) => a.id === "af")?.policy).toBe("diversify");
    // Afghan transit depends on Pakistan's transit regime; fresh fruit exports spoil.
    expect(s.demand.some((d) => d.owner === "af" && d.transitVia === "pk")).toBe(true);
    expect(s.demand.some((d) => d.owner === "af" && d.perishable)).toBe(true);
  });
});

/** The baseline μ a zone runs at on the start day: enforcement and the actants in force remove part of it. */
function effectiveBaseline(s: Scenario, zoneId: string): number {
  const zone = s.zones.find((z) => z.id === zoneId)!;
  let mu = zone.baselinePerDay;
  if (zone.sanctuary) {
    const host = s.actors.find((a) => a.id === zone.sanctuary!.actor)!;
    mu *= 1 - zone.sanctuary.share * host.enforcement;
  }
  for (const a of s.actants) {
    if (a.since !== undefined && a.since > s.start!) continue;
    const at = s.crossings.find((c) => c.id === a.at)?.zone ?? a.at;
    if (at === zoneId) mu *= 1 - a.interdiction * a.completion;
  }
  return mu;
}

describe("the region's calibrations", () => {
  it.each([
    // PIPS 2025: 413 attacks in Khyber Pakhtunkhwa, 254 in Balochistan.
    ["kp_border", 413],
    ["balochistan", 254],
  ])(
    "turn the PIPS 2025 count for %s into a Hawkes process with the Lewis et al. kernel",
    (zoneId, attacks) => {
      const s = base.scenario;
      const zone = s.zones.find((z) => z.id === zoneId)!;
      const n = zone.excitationPerDay / zone.decayPerDay;
      // Lewis et al. (2012): 37–50 % of events self-excited, for two to six weeks.
      expect(n).toBeGreaterThanOrEqual(0.37);
      expect(n).toBeLessThanOrEqual(0.5);
      expect(1 / zone.decayPerDay).toBeGreaterThanOrEqual(14);
      expect(1 / zone.decayPerDay).toBeLessThanOrEqual(42);
      // Stationary mean rate μ/(1 − n) at the start gives the year's count.
      const perYear = (effectiveBaseline(s, zoneId) / (1 - n)) * 365;
      expect(perYear).toBeGreaterThan(attacks * 0.99);
      expect(perYear).toBeLessThan(attacks * 1.01);
    },
  );

  it("make the Karachi route to Kabul cheaper than the Chabahar route by about what traders paid", () => {
    // An Afghan trader's import cost per consignment (January 2026): about $5,000 via Karachi, $8,000 via Chabahar.
    const s = base.scenario;
    const open: Scenario = { ...s, crossings: s.crossings.map((c) => ({ ...c, status: "open" as const })) };
    const net = scenarioNetwork(open);
    const money = Float64Array.from(
      { length: net.network.linkCount },
      (_, l) => net.network.length[l]! * s.generalizedCost.costPerKmUsd + net.network.toll[l]!,
    );
    const moneyVia = (port: string) => {
      // Route overseas → port → Kabul, with the other ports' sea legs removed.
      for (const [id, links] of net.linksById)
        if (id.startsWith("sea_"))
          for (const l of links) net.network.closed[l] = id === `sea_${port}` ? 0 : 1;
      const ws = new ShortestPathWorkspace(net.network.nodeCount, net.network.linkCount);
      shortestPathTree(net.network, money, net.nodeIndex.get("overseas")!, ws);
      return ws.dist[net.nodeIndex.get("kabul")!]!;
    };
    const karachi = moneyVia("karachi");
    const chabahar = moneyVia("chabahar");
    expect(karachi).toBeGreaterThan(5000 * 0.85);
    expect(karachi).toBeLessThan(5000 * 1.15);
    expect(chabahar).toBeGreaterThan(8000 * 0.85);
    expect(chabahar).toBeLessThan(8000 * 1.15);
  });

  it("put the main crossings' processing at the CPMM border times", () => {
    // CPMM TFI1 (hours, queue included): Torkham 50.0 (Pakistan outbound) and 24.2 (Afghan side).
    const torkham = base.scenario.crossings.find((c) => c.id === "torkham")!;
    const atCapacity = torkham.processingHours * (1 + torkham.bprB);
    expect(atCapacity).toBeCloseTo((50.0 + 24.2) / 2, 0);
  });
});
