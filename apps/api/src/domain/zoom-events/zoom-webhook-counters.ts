/** What the webhook intake saw since this process started: for logs, the admin view and tests. */
export interface ZoomWebhookCounts {
  recorded: number;
  duplicates: number;
  /** Signed bodies the CRM does not act on (unknown events, or known ones malformed), by event name. */
  ignored: Record<string, number>;
}

export class ZoomWebhookCounters {
  private readonly counts: ZoomWebhookCounts = { recorded: 0, duplicates: 0, ignored: {} };

  countRecorded(): void {
    this.counts.recorded += 1;
  }

  countDuplicate(): void {
    this.counts.duplicates += 1;
  }

  countIgnored(eventName: string | null): void {
    const name = eventName ?? '(no event name)';
    // Bounded: a sender cycling through made-up names must not grow this without end.
    if (!(name in this.counts.ignored) && Object.keys(this.counts.ignored).length >= 100) {
      this.counts.ignored['(other)'] = (this.counts.ignored['(other)'] ?? 0) + 1;
      return;
    }
    this.counts.ignored[name] = (this.counts.ignored[name] ?? 0) + 1;
  }

  snapshot(): ZoomWebhookCounts {
    return { ...this.counts, ignored: { ...this.counts.ignored } };
  }
}
