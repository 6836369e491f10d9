import { randomBytes } from 'node:crypto';

interface StartLink {
  meetingId: number;
  expiresAt: number;
}

/** Every zak the simulator put in a start URL, so opening one can be judged like Zoom judges it. */
export class StartLinkStore {
  private links = new Map<string, StartLink>();

  constructor(private readonly now: () => number) {}

  /** A new zak for the meeting; earlier ones stay valid until their own expiry, as Zoom's do. */
  mint(meetingId: number, ttlSeconds: number): string {
    const zak = randomBytes(96).toString('base64url');
    this.links.set(zak, { meetingId, expiresAt: this.now() + ttlSeconds * 1000 });
    return zak;
  }

  check(meetingId: string, zak: string | undefined): 'valid' | 'expired' | 'invalid' {
    const link = zak === undefined ? undefined : this.links.get(zak);
    if (!link || String(link.meetingId) !== meetingId) return 'invalid';
    return this.now() >= link.expiresAt ? 'expired' : 'valid';
  }

  reset(): void {
    this.links.clear();
  }
}
