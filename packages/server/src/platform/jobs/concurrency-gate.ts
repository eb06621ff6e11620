/**
 * Slots for running jobs: at most `totalLimit` at once, and at most each kind's own limit.
 * Waiters queue in arrival order and a freed slot is handed straight to the first waiter
 * it fits, so thousands of delivered jobs can wait without polling.
 */
export class ConcurrencyGate {
  private total = 0;
  private readonly perName = new Map<string, number>();
  private readonly waiting: { name: string; limit: number; resolve: () => void }[] = [];

  constructor(private readonly totalLimit: number) {}

  async acquire(name: string, limit: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(name, limit)) {
      this.take(name);
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push({ name, limit, resolve }));
  }

  release(name: string): void {
    this.total -= 1;
    this.perName.set(name, (this.perName.get(name) ?? 1) - 1);
    const index = this.waiting.findIndex((w) => this.fits(w.name, w.limit));
    if (index < 0) return;
    const [next] = this.waiting.splice(index, 1);
    if (!next) return;
    this.take(next.name);
    next.resolve();
  }

  private fits(name: string, limit: number): boolean {
    return this.total < this.totalLimit && (this.perName.get(name) ?? 0) < limit;
  }

  private take(name: string): void {
    this.total += 1;
    this.perName.set(name, (this.perName.get(name) ?? 0) + 1);
  }
}
