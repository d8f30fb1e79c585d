/** Bounds on network input that keep every later computation finite and in memory. */

/**
 * Largest BPR power accepted. Published volume-delay functions use powers of 4 (Bureau of Public Roads
 * 1964) up to about 10 (e.g. the conical functions of Spiess 1990 for steep freeway curves); beyond 20 the
 * term (x/c)^p overflows double precision at modest overloads (x/c = 10^15.4 at p = 20, but
 * x/c = 2.04 at p = 1000), and the equilibrium would be NaN rather than an answer.
 */
export const MAX_BPR_POWER = 20;

/**
 * Most nodes a network may declare. Far above the largest published TNTP networks (Chicago regional,
 * 12,982 nodes; the Berlin and Philadelphia sets are of that order), low enough that the per-node arrays
 * fit in memory: a header of 10^9 or 2^31 nodes is refused before anything is allocated.
 */
export const MAX_TNTP_NODES = 10_000_000;
