import { inspect } from 'node:util';

/**
 * A decrypted Zoom credential (access token, refresh token, code). It prints, serialises and logs
 * as "[redacted]"; only `reveal()` gives the value, and only the Zoom clients call it.
 */
export class ZoomSecret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
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
