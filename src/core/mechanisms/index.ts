/** Equations of the mechanisms that can be switched on, weakened or strengthened (docs/ODD.md §7.13). */
export * from "./announcements.js";
export * from "./congestion-queue.js";
export * from "./current-leverage.js";
export * from "./diversification.js";
export * from "./trade-risk.js";
