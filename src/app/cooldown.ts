// Per-member cooldown: a sliding window of accepted requests. Pure apart from the injectable
// clock, so tests can drive time. A refused request is not counted (the "retry in N s" it is told
// stays true however often the member retries), and memory stays bounded: idle keys are pruned
// and the oldest keys go first past `maxKeys`.

export interface CooldownOptions {
  /** Requests accepted per window; 0 (or less) turns the cooldown off. */
  readonly limit: number;
  readonly windowMs: number;
  /** Milliseconds; `Date.now` by default. */
  readonly now?: () => number;
  /** Members tracked at most (oldest activity evicted first). */
  readonly maxKeys?: number;
}

export type CooldownVerdict =
  | { readonly ok: true }
  /** `first`: the first refusal since the member's last accepted request (log it once, not per retry). */
  | { readonly ok: false; readonly retryAfterMs: number; readonly first: boolean };

const ACCEPTED: CooldownVerdict = Object.freeze({ ok: true });

interface Entry {
  /** Accepted request times within the window, oldest first. */
  readonly hits: number[];
  refused: boolean;
}

export class Cooldown {
  readonly limit: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;
  /** Insertion order = order of last activity (an entry is re-inserted on each accepted hit). */
  private readonly entries = new Map<string, Entry>();
  private sincePrune = 0;

  constructor(options: CooldownOptions) {
    if (!Number.isFinite(options.windowMs) || options.windowMs <= 0) throw new RangeError(`hoso: cooldown window must be positive, got ${options.windowMs}`);
    this.limit = Math.floor(options.limit);
    this.windowMs = options.windowMs;
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 50_000;
  }

  get enabled(): boolean {
    return this.limit > 0;
  }

  /** Members currently tracked (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  /** Counts a request by `key` if it is allowed now; otherwise says how long until one would be. */
  hit(key: string): CooldownVerdict {
    if (!this.enabled) return ACCEPTED;
    const now = this.now();
    if (++this.sincePrune >= 1_000) this.prune(now);
    const entry = this.entries.get(key) ?? { hits: [], refused: false };
    const from = now - this.windowMs;
    while (entry.hits.length > 0 && entry.hits[0]! <= from) entry.hits.shift();
    if (entry.hits.length >= this.limit) {
      const first = !entry.refused;
      entry.refused = true;
      this.entries.set(key, entry);
      return { ok: false, retryAfterMs: Math.max(1, entry.hits[0]! + this.windowMs - now), first };
    }
    entry.hits.push(now);
    entry.refused = false;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value!);
    return ACCEPTED;
  }

  /** Drops members with no request inside the window. */
  prune(now = this.now()): void {
    this.sincePrune = 0;
    const from = now - this.windowMs;
    for (const [key, entry] of this.entries) {
      const newest = entry.hits[entry.hits.length - 1];
      if (newest === undefined || newest <= from) this.entries.delete(key);
    }
  }
}

/** Whole seconds to tell a member, rounded up, at least 1. */
export function secondsToWait(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}
