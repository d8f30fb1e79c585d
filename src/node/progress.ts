/**
 * Progress for long commands: a redrawn bar (cli-progress) when stderr is a terminal, otherwise a
 * line every ~10 % so logs of CI runs and pipes stay short. With `rate`, the bar also shows the
 * throughput since it started (e.g. "12.5 runs/s") and the time left at that pace.
 */
import cliProgress from "cli-progress";
import type { Io } from "./io.js";

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Show throughput in `<label>/s` and the time left at that pace. */
  rate?: boolean;
  /** Work already done before this start (a resumed run): counted in the bar, not in the rate. */
  already?: number;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`
      : `${s}s`;
}

export function startProgress(io: Io, label: string, total: number, options: ProgressOptions = {}): Progress {
  const started = Date.now();
  const already = options.already ?? 0;
  const pace = (done: number) => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? (done - already) / seconds : 0;
    // The first items carry the start-up (worker threads loading, code warming), so the time left is
    // shown only once 2 % of the work is done: a first guess of minutes for a 40-second job misleads.
    const settled = done - already >= Math.max(1, 0.02 * (total - already));
    return {
      rate: rate.toFixed(rate >= 10 ? 0 : 1),
      left: duration(settled && rate > 0 ? (total - done) / rate : Infinity),
    };
  };
  if (io.interactive) {
    // Only the process streams are interactive, and cli-progress draws on process.stderr.
    const bar = new cliProgress.SingleBar(
      {
        format: options.rate
          ? `${label} [{bar}] {percentage}% | {value}/{total} | {rate} ${label}/s | {duration_formatted} elapsed, {left} left`
          : `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, already, { rate: "–", left: "–" });
    return { update: (done) => bar.update(done, pace(done)), stop: () => bar.stop() };
  }
  let lastTenth = -1;
  return {
    update(done) {
      const tenth = Math.floor((10 * done) / Math.max(1, total));
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        if (!options.rate) io.err(`${label}: ${done}/${total}\n`);
        else {
          const p = pace(done);
          io.err(`${label}: ${done}/${total} (${p.rate} ${label}/s, ${p.left} left)\n`);
        }
      }
    },
    stop() {},
  };
}
