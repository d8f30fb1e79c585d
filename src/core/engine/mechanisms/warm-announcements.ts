/**
 * Announcements follow warmth (mechanisms/announcements.ts): after the projects step, each project not
 * yet operating is (re-)announced with probability h = α/365 · W^k, W the warmth of its sponsors (mean
 * over sponsor pairs with a relation of their mutual trust times the calm of their ladder). An
 * unannounced project becomes announced; every announcement is counted.
 */
import { announcementHazard, pairWarmth } from "../../mechanisms/index.js";
import { defineMechanism } from "../mechanism.js";
import type { Relation } from "../world.js";

/** Calm order of the rungs for warmth: normal, tension, strikes, clashes; a ceasefire counts as tension. */
const CALM_INDEX: Record<string, number> = { normal: 0, tension: 1, strikes: 2, clashes: 3, ceasefire: 1 };

export const warmAnnouncementsMechanism = defineMechanism({
  key: "warmAnnouncements",
  events: ["project-announced"],
  contributions: { announcements: "announcements drawn from the sponsors' warmth" },
  init(world) {
    const { actorIndex } = world.model;
    const sponsors = world.model.scenario.projects.map((p) =>
      p.sponsors.map((id) => actorIndex.get(id)).filter((i): i is number => i !== undefined),
    );
    // The sponsor pairs with a relation, in the order of the mean (i < j), looked up once: relations
    // never appear or vanish during a run.
    const relations = sponsors.map((list) => {
      const out: Relation[] = [];
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const r = world.relation(list[i]!, list[j]!);
          if (r) out.push(r);
        }
      }
      return out;
    });
    return { relations };
  },
  hooks: {
    projects(ctx, state) {
      const { world, strength, entry } = ctx;
      const { projects } = world.model.scenario;
      for (let p = 0; p < projects.length; p++) {
        if (world.projectPhase[p] === "operational") continue;
        const relations = state.relations[p]!;
        if (relations.length === 0) continue;
        let sum = 0;
        for (const r of relations) {
          const rung = CALM_INDEX[r.ladder.rung] ?? 0;
          sum += pairWarmth(world.trustOf(r.a, r.b), world.trustOf(r.b, r.a), rung);
        }
        const warmth = sum / relations.length;
        const h = announcementHazard(strength, warmth, entry.exponent);
        if (ctx.random.next() >= h) continue;
        const project = projects[p]!;
        world.announcements[p]! += 1;
        ctx.totals.announcements += 1;
        const first = world.projectPhase[p] === "unannounced";
        if (first) {
          world.projectPhase[p] = "announced";
          world.projectAnnouncedDay[p] = world.day;
        }
        ctx.explain({
          kind: "project-announced",
          target: project.id,
          why: `h = α/365 · W^k with the sponsors' warmth W = ${warmth.toFixed(2)}`,
          values: { "sponsors' warmth W": warmth, "daily probability h": h },
          text: `${project.name} ${first ? "announced" : "announced again"} (${project.sponsors.join(", ")})`,
        });
      }
    },
  },
});
