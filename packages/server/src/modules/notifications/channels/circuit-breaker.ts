/**
 * A breaker per provider, in this process: after `threshold` consecutive transient
 * failures the provider is skipped for `coolDownMs`, then one trial call decides whether
 * it closes again. The chain fails over to the next provider meanwhile, instead of making
 * every message wait for a provider that is down.
 */
export class CircuitBreakers {
  private readonly state = new Map<string, { failures: number; openUntil: number; trial: boolean }>();

  constructor(
    private readonly threshold = 3,
    private readonly coolDownMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a call may go to `name` now (an open breaker lets one trial through after the cool-down). */
  allows(name: string): boolean {
    const s = this.state.get(name);
    if (!s || s.openUntil === 0) return true;
    if (this.now() < s.openUntil || s.trial) return false;
    s.trial = true;
    return true;
  }

  succeeded(name: string): void {
    this.state.delete(name);
  }

  failed(name: string): void {
    const s = this.state.get(name) ?? { failures: 0, openUntil: 0, trial: false };
    s.failures += 1;
    s.trial = false;
    if (s.failures >= this.threshold) s.openUntil = this.now() + this.coolDownMs;
    this.state.set(name, s);
  }

  isOpen(name: string): boolean {
    const s = this.state.get(name);
    return s !== undefined && s.openUntil > this.now();
  }
}
