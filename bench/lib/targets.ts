import type { Percentiles } from './stats';

/** A target: met when `met` says so; `text` says what was required. */
export interface Target {
  text: string;
  met: boolean;
  /** Why it was missed, when it was. */
  missedBecause?: string;
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return ms >= 1 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

/** A p95 target ("p95 < 50 ms"), judged on the measured p95; no answers at all miss it. */
export function p95Target(limitMs: number, latency: Percentiles | null): Target {
  const text = `p95 < ${formatMs(limitMs)}`;
  if (!latency) return { text, met: false, missedBecause: 'no answers' };
  return latency.p95 < limitMs ? { text, met: true } : { text, met: false, missedBecause: `p95 ${formatMs(latency.p95)}` };
}

/** A cost per request in ms, precise enough to be compared with its target. */
export function formatCost(ms: number): string {
  if (ms >= 10) return ms.toFixed(1);
  return ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

/** At most `limitMs` of some cost per request ("CPU ≤ 0.4 ms/req"); unmeasured misses it. */
export function costTarget(what: 'CPU' | 'DB', limitMs: number, measured: number | null): Target {
  const text = `${what} ≤ ${limitMs} ms/req`;
  if (measured === null) return { text, met: false, missedBecause: `${what} not measured` };
  return measured <= limitMs ? { text, met: true } : { text, met: false, missedBecause: `${what} ${formatCost(measured)} ms/req` };
}

/** At least `perMinute` answers a minute. */
export function rateTarget(perMinute: number, requestsPerSecond: number | null): Target {
  const text = `≥ ${perMinute.toLocaleString('en-US')}/min`;
  const achieved = Math.round((requestsPerSecond ?? 0) * 60);
  return achieved >= perMinute ? { text, met: true } : { text, met: false, missedBecause: `${achieved.toLocaleString('en-US')}/min` };
}

/** Every target met; otherwise every reason one was missed, none left out. */
export function allTargets(...targets: Target[]): Target {
  const text = targets.map((target) => target.text).join('; ');
  const missed = targets.filter((target) => !target.met);
  if (missed.length === 0) return { text, met: true };
  return { text, met: false, missedBecause: missed.map((target) => target.missedBecause ?? target.text).join('; ') };
}
