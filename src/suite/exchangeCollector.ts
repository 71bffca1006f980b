import type { RecordedExchange } from '../model/checkRecord.js';
import { boundBodies, DEFAULT_EXCHANGE_BUDGET, type ExchangeBudget } from './exchangeBudget.js';

/**
 * Keeps a check's exchanges bounded while it runs, not only once it ends: the first `head` exchanges and a ring of
 * the last `tail`, each with its bodies already cut (exchangeBudget.ts), and a count of the ones in between. A
 * property check sends thousands of requests; kept whole until the end, 4 MB answers took one process to 1.6 GB
 * (issue 14). The result is what `boundExchanges` makes of the whole list. The last exchange's request alone is
 * kept whole (it is small: the harness wrote it), so the curl line reproduces it exactly as before.
 *
 * Exchanges arrive already redacted (src/http/recording.ts): the check's SecretLedger learnt from the whole bodies.
 */
export class ExchangeCollector {
  private readonly first: RecordedExchange[] = [];
  private readonly ring: RecordedExchange[] = [];
  private nextSlot = 0;
  private count = 0;
  private lastRequestWhole: RecordedExchange['request'] | undefined;

  constructor(private readonly budget: ExchangeBudget = DEFAULT_EXCHANGE_BUDGET) {}

  add(exchange: RecordedExchange): void {
    this.count += 1;
    this.lastRequestWhole = exchange.request;
    if (this.first.length < this.budget.head) {
      this.first.push(boundBodies(exchange, this.budget.maxBodyChars));
      return;
    }
    if (this.budget.tail <= 0) return;
    const cut = boundBodies(exchange, this.budget.maxBodyChars);
    if (this.ring.length < this.budget.tail) this.ring.push(cut);
    else this.ring[this.nextSlot] = cut;
    this.nextSlot = (this.nextSlot + 1) % this.budget.tail;
  }

  /** How many exchanges the check made in all. */
  get total(): number {
    return this.count;
  }

  /** The request of the last exchange, bodies whole: what the curl line reproduces. */
  get lastRequest(): RecordedExchange['request'] | undefined {
    return this.lastRequestWhole;
  }

  /** The kept exchanges in the order they happened, and how many were left out between them. */
  result(): { exchanges: RecordedExchange[]; omitted: number } {
    const filling = this.ring.length < this.budget.tail;
    const tail = filling ? this.ring : [...this.ring.slice(this.nextSlot), ...this.ring.slice(0, this.nextSlot)];
    return {
      exchanges: [...this.first, ...tail],
      omitted: Math.max(0, this.count - this.budget.head - Math.max(0, this.budget.tail)),
    };
  }
}
