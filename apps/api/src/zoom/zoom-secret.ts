import { createHash, timingSafeEqual } from 'node:crypto';
import { inspect } from 'node:util';
import type { Secret } from '../domain/ports/secret';

/**
 * A decrypted Zoom credential (access token, refresh token, code verifier, start URL). It prints,
 * serialises and logs as "[redacted]"; only `reveal()` gives the value, and only src/zoom (to send it)
 * and src/data (to seal it) call that.
 */
export class ZoomSecret implements Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  equals(other: Secret): boolean {
    if (!(other instanceof ZoomSecret)) return false;
    // Hashing first gives equal lengths, so the comparison time says nothing about the value.
    return timingSafeEqual(digest(this.#value), digest(other.reveal()));
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'ZoomSecret([redacted])';
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The text of a secret that src/zoom or src/data made; anything else is a programming error. */
export function revealSecret(secret: Secret): string {
  if (!(secret instanceof ZoomSecret)) throw new TypeError('Not a secret this application issued');
  return secret.reveal();
}
