import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** What a ciphertext is bound to: moving it to another user or field makes it fail to decrypt. */
export interface CipherContext {
  subjectId: string;
  field: string;
}

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class TokenDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenDecryptionError';
  }
}

/**
 * AES-256-GCM envelopes `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url parts). The first key of
 * the keyring encrypts; every key decrypts, so old values stay readable until they are rewritten.
 */
export class TokenCipher {
  private readonly byId: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(private readonly keyring: EncryptionKey[]) {
    const current = keyring[0];
    if (!current) throw new Error('TokenCipher needs at least one key');
    this.currentKeyId = current.id;
    this.byId = new Map(keyring.map((entry) => [entry.id, entry.key]));
  }

  encrypt(plaintext: string, context: CipherContext): string {
    const key = this.byId.get(this.currentKeyId)!;
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad(this.currentKeyId, context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.currentKeyId, nonce.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  decrypt(envelope: string, context: CipherContext): string {
    const [version, keyId, nonceB64, ciphertextB64, tagB64] = envelope.split('.');
    if (version !== VERSION || !keyId || nonceB64 === undefined || ciphertextB64 === undefined || tagB64 === undefined) {
      throw new TokenDecryptionError('Not a v1 token envelope');
    }
    const key = this.byId.get(keyId);
    if (!key) throw new TokenDecryptionError(`Key "${keyId}" is not in TOKEN_ENCRYPTION_KEYS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceB64, 'base64url'), { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(keyId, context));
      decipher.setAuthTag(Buffer.from(tagB64, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertextB64, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      // Never echo crypto internals; a wrong key, a wrong subject/field or tampering all look the same.
      throw new TokenDecryptionError('Token envelope failed authentication');
    }
  }

  /** The key id an envelope was written under, or null when it is not an envelope. */
  keyIdOf(envelope: string): string | null {
    const [version, keyId] = envelope.split('.');
    return version === VERSION && keyId ? keyId : null;
  }

  isCurrent(envelope: string): boolean {
    return this.keyIdOf(envelope) === this.currentKeyId;
  }
}

function aad(keyId: string, context: CipherContext): Buffer {
  return Buffer.from(JSON.stringify([VERSION, keyId, context.subjectId, context.field]), 'utf8');
}
