/** The outcomes of a run, assembled from the world and its daily series once the last day is done. */
import { RUNGS, type Rung } from "../diplomacy/index.js";
import { escalationCycles, resilience } from "../metrics/index.js";
import type { MechanismRun } from "./mechanism-runner.js";
import type { Recorder } from "./recorder.js";
import type { LinkFlows, Outcomes } from "./types.js";
import type { World } from "./world.js";

/** Length of the final window of the `…Final` outcomes, days (docs/outputs.md). */
export const FINAL_WINDOW_DAYS = 365;

export interface RunInfo {
  seed: number;
  run: number;
  policies: Record<string, string>;
  /** Dependence and concentration on day 0, before anything happened. */
  dependenceStart: Float64Array;
  herfindahlStart: Float64Array;
  trustStart: Float64Array;
  flowSums: Float64Array;
  mechanisms: MechanismRun;
}

export function assembleOutcomes(world: World, recorder: Recorder, info: RunInfo): Outcomes {
  const { model } = world;
  const { scenario, calendar, days } = model;
  const na = scenario.actors.length;
  const lastDay = days - 1;
  const owners = [...new Set(model.entries.map((e) => e.owner).filter((o) => o >= 0))];
  const states = scenario.actors.flatMap((a, i) => (a.kind === "state" ? [i] : []));

  const performance = Array.from(recorder.column("performance_pct"));
  const res = resilience(performance);
  // Means over the final window, so a closure on the last day does not stand for the whole end state.
  const finalWindowDays = Math.min(FINAL_WINDOW_DAYS, days);
  const finalMean = (column: string) => {
    const values = recorder.column(column);
    let sum = 0;
    for (let d = days - finalWindowDays; d < days; d++) sum += values[d]!;
    return finalWindowDays > 0 ? sum / finalWindowDays : Number.NaN;
  };
  const id = (i: number) => scenario.actors[i]!.id;
  const closedDays = (c: number) => world.closedHistory[c]!.sum(days, days);

  return {
    scenario: scenario.name,
    seed: info.seed,
    run: info.run,
    days,
    start: model.start,
    end: calendar.date(lastDay),
    policies: info.policies,
    finalWindowDays,
    trade: {
      servedUsd: world.totals.served,
      unservedUsd: world.totals.unserved,
      spoiledUsd: world.totals.spoiled,
      servedShare: world.totals.potential > 0 ? world.totals.served / world.totals.potential : 1,
      vehiclesQueued: world.totals.queued,
    },
    crossings: scenario.crossings.map((c, i) => ({
      id: c.id,
      name: c.name,
      meanFlow: world.flowHistory[i]!.sum(days, days) / days,
      closedDays: closedDays(i),
      restrictedDays: world.restrictedDays[i]!,
      // A loop, not Math.max(...column) (a spread of a long run's days overflows the call stack) nor reduce.
      maxQueue: columnMax(recorder.column(`queue.${c.id}`)),
    })),
    zones: scenario.zones.map((z, i) => ({
      id: z.id,
      incidents: world.incidents[i]!.sum(days, days),
      fatalities: world.fatalities[i]!.sum(days, days),
      linkHits: world.linkHitsTotal[i]!,
    })),
    incidents: world.incidents.reduce((s, h) => s + h.sum(days, days), 0),
    fatalities: world.fatalities.reduce((s, h) => s + h.sum(days, days), 0),
    pairs: world.relations.map((r) => {
      const cycles = escalationCycles(r.rungHistory.map((i) => RUNGS[i] as Rung));
      return {
        a: scenario.actors[r.a]!.id,
        b: scenario.actors[r.b]!.id,
        trustABStart: info.trustStart[r.a * na + r.b]!,
        trustABEnd: world.trustOf(r.a, r.b),
        trustBAStart: info.trustStart[r.b * na + r.a]!,
        trustBAEnd: world.trustOf(r.b, r.a),
        trustABFinal: finalMean(`trust.${id(r.a)}.${id(r.b)}`),
        trustBAFinal: finalMean(`trust.${id(r.b)}.${id(r.a)}`),
        trustABMean: columnMean(
          recorder.column(`trust.${scenario.actors[r.a]!.id}.${scenario.actors[r.b]!.id}`),
        ),
        trustBAMean: columnMean(
          recorder.column(`trust.${scenario.actors[r.b]!.id}.${scenario.actors[r.a]!.id}`),
        ),
        daysPerRung: Object.fromEntries(RUNGS.map((rung, i) => [rung, r.daysPerRung[i]!])),
        escalationCycles: cycles.cycles,
        ceasefires: r.ceasefires,
        ceasefiresFailed: r.ceasefiresFailed,
      };
    }),
    dependence: owners.flatMap((a) =>
      states
        .filter((s) => s !== a)
        .map((s) => ({
          actor: scenario.actors[a]!.id,
          on: scenario.actors[s]!.id,
          start: info.dependenceStart[a * na + s]!,
          end: world.dependence[a * na + s]!,
          final: finalMean(`dependence.${id(a)}.${id(s)}`),
          open: world.openDependence[a * na + s]!,
        })),
    ),
    concentration: owners.map((a) => ({
      actor: scenario.actors[a]!.id,
      herfindahlStart: info.herfindahlStart[a]!,
      herfindahlEnd: world.herfindahl[a]!,
      herfindahlFinal: finalMean(`hhi.${id(a)}`),
    })),
    coercion: {
      ...world.coercion,
      complianceRate:
        world.coercion.complied + world.coercion.defied > 0
          ? world.coercion.complied / (world.coercion.complied + world.coercion.defied)
          : null,
      // Each reviewed episode's leverage: what the coercer could extract and why (steps/coercion.ts).
      episodes: world.leverageLog.map((r) => ({
        date: calendar.date(r.day),
        coercer: scenario.actors[r.coercer]!.id,
        target: scenario.actors[r.target]!.id,
        dependenceAtStart: r.dependenceAtStart,
        dependenceUsed: r.dependence,
        costImposedUsd: r.costImposed,
        returnsCostUsd: r.unavoidableCost,
        switchingCostUsd: r.switchingCost,
        leverageUsd: r.leverage,
        complianceProbability: r.probability,
      })),
    },
    resilience: {
      reference: "open-network",
      referenceServedShare: recorder.baselineShare,
      shocks: res.shocks.map((s) => ({
        start: s.start,
        date: calendar.date(s.start),
        minimum: s.minimum,
        ...(s.recoveryDays === undefined ? {} : { recoveryDays: s.recoveryDays }),
        lossArea: s.lossArea,
      })),
      totalLossArea: res.totalLossArea,
      meanRecoveryDays: res.meanRecoveryDays ?? null,
      unrecovered: res.unrecovered,
    },
    connectivity: connectivity(world),
    actors: scenario.actors.map((a, i) => ({
      actor: a.id,
      tradeServedUsd: world.accounts.served[i]!,
      tradeUnservedUsd: world.accounts.unserved[i]!,
      tradeSpoiledUsd: world.accounts.spoiled[i]!,
      feesUsd: world.accounts.fees[i]!,
      securityCostUsd: world.accounts.security[i]!,
      humanitarianCostUsd: world.accounts.humanitarian[i]!,
      peopleReturned: world.accounts.returned[i]!,
      peopleReceived: world.accounts.received[i]!,
    })),
    peopleReturned: world.totals.returned,
    indicators: indicators(world),
    mechanisms: info.mechanisms.outcomes(),
    expectedIncidents: {
      baseline: info.mechanisms.baselineIncidents.value,
      byMechanism: Object.fromEntries(
        info.mechanisms
          .outcomes()
          .filter((m) => "incidents" in m.contributions)
          .map((m) => [m.hypothesis, m.contributions["incidents"]!]),
      ),
    },
  };
}

function indicators(world: World): Outcomes["indicators"] {
  const { model } = world;
  const t = world.indicators;
  const nodeId = (node: number) => model.scenario.nodes[node]?.id ?? "";
  const borderCrossings = model.crossingElement.flatMap((e) => {
    const element = model.elements[e]!;
    const crossed = element.links.reduce((s, l) => s + t.vehicles[l]!, 0);
    const queuePerVehicle = crossed > 0 ? t.queueHours[e]! / crossed : 0;
    return element.links.map((l) => {
      const vehicles = t.vehicles[l]!;
      const freeFlowHours = model.valueOfTime > 0 ? model.network.freeFlowTime[l]! / model.valueOfTime : 0;
      const hours = vehicles > 0 ? t.vehicleHours[l]! / vehicles : freeFlowHours;
      return {
        crossing: element.id,
        from: nodeId(model.network.from[l]!),
        to: nodeId(model.network.to[l]!),
        vehicles,
        hours,
        hoursWithQueues: hours + queuePerVehicle,
        costUsd: model.baseFee[l]!,
      };
    });
  });
  const routes = Array.from({ length: model.demand.pairCount }, (_, k) => {
    const i = model.entries.findIndex((e) => e.pair === k);
    const d = model.scenario.demand[i]!;
    const vehicles = t.pairVehicles[k]!;
    const km = vehicles > 0 ? t.pairKm[k]! / vehicles : 0;
    const moving = vehicles > 0 ? t.pairMoving[k]! / vehicles : 0;
    const border = vehicles > 0 ? t.pairBorder[k]! / vehicles : 0;
    return {
      origin: d.origin,
      destination: d.destination,
      vehicles,
      distanceKm: km,
      speedWithoutDelayKmh: moving > 0 ? km / moving : null,
      speedWithDelayKmh: moving + border > 0 ? km / (moving + border) : null,
      borderHours: border,
    };
  });
  return { borderCrossings, routes };
}

function connectivity(world: World): Outcomes["connectivity"] {
  const { scenario, calendar } = world.model;
  const declared = world.projectPhase.filter((p) => p !== "unannounced").length;
  const operational = world.projectPhase.filter((p) => p === "operational").length;
  return {
    declared,
    operational,
    gap: declared > 0 ? 1 - operational / declared : 0,
    announcementsPerOperational: operational > 0 ? declared / operational : null,
    projects: scenario.projects.map((p, i) => ({
      id: p.id,
      name: p.name,
      declaredCapacity: p.declaredCapacity,
      capacityUnit: p.capacityUnit,
      announced: p.announced,
      ...(world.projectBuildingDay[i]! >= 0
        ? { buildingFrom: calendar.date(world.projectBuildingDay[i]!) }
        : {}),
      ...(world.projectOperatingDay[i]! >= 0
        ? { operatingFrom: calendar.date(world.projectOperatingDay[i]!) }
        : {}),
      statusEnd: world.projectPhase[i]!,
    })),
  };
}

function columnMean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : 0;
}

export function linkFlows(
  world: World,
  flowSums: Float64Array,
  changes?: readonly { day: number; flows: Float64Array }[],
): LinkFlows {
  const { model } = world;
  const links: LinkFlows["links"] = [];
  const order: number[] = [];
  for (const element of model.elements) {
    for (const l of element.links) {
      order.push(l);
      links.push({
        id: element.id,
        kind: element.kind,
        from: model.scenario.nodes[model.network.from[l]!]!.id,
        to: model.scenario.nodes[model.network.to[l]!]!.id,
        meanFlow: flowSums[l]! / model.days,
      });
    }
  }
  if (!changes) return { links };
  return {
    links,
    changes: changes.map((c) => ({ day: c.day, flow: Float64Array.from(order, (l) => c.flows[l]!) })),
  };
}

/** The largest value of a column, at least 0. */
function columnMax(values: Float64Array): number {
  let max = 0;
  for (let d = 0; d < values.length; d++) max = Math.max(max, values[d]!);
  return max;
}
