/**
 * Daily series: one column per quantity, named `name`, `name.<id>` or `name.<a>.<b>` (docs/outputs.md).
 * Columns are fixed at the start of a run, so a day's record writes into preallocated arrays.
 */
import { RUNGS } from "../diplomacy/index.js";
import type { Series } from "./types.js";
import type { World } from "./world.js";

type Column = { name: string; read: (w: World) => number };

export class Recorder {
  readonly columns: Column[] = [];
  readonly values: Float64Array[];
  /** The served share of potential trade value before any shock, for the performance column. */
  baselineShare = 1;

  constructor(
    world: World,
    readonly days: number,
  ) {
    const { scenario, crossingElement, elements } = world.model;
    const na = scenario.actors.length;
    const add = (name: string, read: Column["read"]) => this.columns.push({ name, read });
    add("trade.potential_usd", (w) => w.today.potential);
    add("trade.served_usd", (w) => w.today.served);
    add("trade.unserved_usd", (w) => w.today.unserved);
    add("trade.spoiled_usd", (w) => w.today.spoiled);
    add("trade.transport_cost_usd", (w) => w.transportCost);
    add("performance_pct", (w) => this.performance(w));
    add("queue.arrivals", (w) => w.today.queued);
    add("returns.people", (w) => w.today.returned);
    scenario.zones.forEach((z, i) => {
      add(`incidents.${z.id}`, (w) => w.incidentsToday[i]!);
      add(`fatalities.${z.id}`, (w) => w.fatalitiesToday[i]!);
    });
    scenario.crossings.forEach((c, i) => {
      const links = elements[crossingElement[i]!]!.links;
      add(`flow.${c.id}`, (w) => links.reduce((s, l) => s + w.flows[l]!, 0));
      add(`open_share.${c.id}`, (w) => {
        if (!w.elementOpen(crossingElement[i]!)) return 0;
        return w.crossingHours[i]! / 24;
      });
      add(`queue.${c.id}`, (w) => w.queues.get(i)?.waiting ?? 0);
    });
    world.relations.forEach((r) => {
      const a = scenario.actors[r.a]!.id;
      const b = scenario.actors[r.b]!.id;
      add(`trust.${a}.${b}`, (w) => w.trustOf(r.a, r.b));
      add(`trust.${b}.${a}`, (w) => w.trustOf(r.b, r.a));
      add(`ladder.${a}.${b}`, () => RUNGS.indexOf(r.ladder.rung));
    });
    const owners = new Set(world.model.entries.map((e) => e.owner).filter((o) => o >= 0));
    const states = scenario.actors.flatMap((a, i) => (a.kind === "state" ? [i] : []));
    for (const o of owners) {
      for (const s of states) {
        if (s === o) continue;
        add(
          `dependence.${scenario.actors[o]!.id}.${scenario.actors[s]!.id}`,
          (w) => w.dependence[o * na + s]!,
        );
      }
      add(`hhi.${scenario.actors[o]!.id}`, (w) => w.herfindahl[o]!);
    }
    // Trade value by owner and by the states it crosses (USD/day at the current equilibrium): the
    // numerators and denominator of dependence, and the same for transit trade alone, so that a shift
    // of routes shows as values, not only as shares.
    const scratch = world.dependenceScratch;
    const transitOwners = new Set(world.model.entries.filter((e) => e.transitVia >= 0).map((e) => e.owner));
    for (const o of owners) {
      const id = scenario.actors[o]!.id;
      add(`trade_usd.${id}`, () => scratch.routed[o]!);
      for (const s of states) {
        if (s !== o) add(`via_usd.${id}.${scenario.actors[s]!.id}`, () => scratch.through[o * na + s]!);
      }
      if (!transitOwners.has(o)) continue;
      for (const s of states) {
        if (s !== o)
          add(`transit_usd.${id}.${scenario.actors[s]!.id}`, () => scratch.transitThrough[o * na + s]!);
      }
    }
    for (const s of states) add(`enforcement.${scenario.actors[s]!.id}`, (w) => w.enforcement[s]!);
    world.model.policies.forEach((p, i) => {
      if (p.programme) add(`stage.${scenario.actors[p.actor]!.id}`, (w) => w.programmeState[i]!.stage);
    });
    add("projects.declared", (w) => w.projectPhase.filter((p) => p !== "unannounced").length);
    add("projects.operational", (w) => w.projectPhase.filter((p) => p === "operational").length);
    this.values = this.columns.map(() => new Float64Array(days));
  }

  performance(world: World): number {
    const { served, potential } = world.today;
    if (potential <= 0 || this.baselineShare <= 0) return 100;
    return Math.min(100, (100 * served) / potential / this.baselineShare);
  }

  record(world: World): void {
    for (let c = 0; c < this.columns.length; c++) this.values[c]![world.day] = this.columns[c]!.read(world);
  }

  column(name: string): Float64Array {
    const i = this.columns.findIndex((c) => c.name === name);
    return this.values[i]!;
  }

  series(dates: string[]): Series {
    const values: Record<string, Float64Array> = {};
    this.columns.forEach((c, i) => {
      values[c.name] = this.values[i]!;
    });
    return { days: this.days, dates, columns: this.columns.map((c) => c.name), values };
  }
}
