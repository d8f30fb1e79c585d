/**
 * Announced vs operating connectivity. Announcements are cheap and follow diplomatic warmth; a project
 * operates only once its security benchmarks hold for a sustained period.
 *
 * Warmth of the sponsors: W = mean over the sponsor pairs with a relation of the mutual trust times the
 * calm of their ladder, with the rung counted in steps of escalation r = 0 normal, 1 tension (or a
 * ceasefire), 2 strikes, 3 clashes,
 *
 *   Wᵢⱼ = ½(τᵢⱼ + τⱼᵢ) · (1 − r/3),
 *
 * and each day a project not yet operating is (re-)announced — a signing, memorandum or summit
 * declaration — with probability h = α/365 · W^k, α announcements a year at full warmth, k ≥ 0.
 * Own construction: announcements as signals of political intent follow summits and warming relations
 * (the Trans-Afghan railway was re-announced at the 2021, 2023 and 2025 trilaterals while nothing was
 * built); α = 0 leaves only the dated announcements.
 *
 * Benchmarks: with N ≥ 1 days, construction advances only on days the project's condition (its
 * security benchmark) holds, and a finished project operates only after the condition has held for N
 * consecutive days; N = 0 is the old rule (build once started, operate when finished).
 */

/** Calm 1 − r/3 of a pair r steps up the ladder (0 normal, 1 tension or ceasefire, 2 strikes, 3 clashes). */
export function ladderCalm(steps: number): number {
  return Math.max(0, 1 - steps / 3);
}

/** Wᵢⱼ = ½(τᵢⱼ + τⱼᵢ) · (1 − r/3). */
export function pairWarmth(trustAB: number, trustBA: number, steps: number): number {
  return 0.5 * (trustAB + trustBA) * ladderCalm(steps);
}

/** h = α/365 · W^k. */
export function announcementHazard(perYear: number, warmth: number, exponent: number): number {
  if (perYear === 0) return 0;
  return (perYear / 365) * Math.max(0, warmth) ** exponent;
}

/** Does a finished project operate today, with the benchmark's streak of consecutive days held? */
export function benchmarkMet(streakDays: number, sustainDays: number): boolean {
  return sustainDays <= 0 || streakDays >= sustainDays;
}
