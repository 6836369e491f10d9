/** Time as the application sees it; injected so tests move it instead of waiting for it. */
export interface Clock {
  // Function-valued properties, not methods: wiring hands `clock.sleep` on by itself.
  now: () => Date;
  /** Waits `ms` (a retry backoff, a Retry-After). */
  sleep: (ms: number) => Promise<void>;
}
