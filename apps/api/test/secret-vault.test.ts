import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { CipherSecretVault } from '../src/data/secret-vault';
import { TokenCipher } from '../src/security/token-cipher';
import { revealSecret, ZoomSecret } from '../src/zoom/zoom-secret';

const vault = new CipherSecretVault(new TokenCipher([{ id: 'k1', key: randomBytes(32) }]));

describe('the secret vault (the persistence edge for credentials)', () => {
  test('sealed Zoom tokens hold no plaintext and open only for the user they were sealed for', () => {
    const tokens = { accessToken: new ZoomSecret('access-plain-1234'), refreshToken: new ZoomSecret('refresh-plain-5678'), expiresAt: new Date() };

    const sealed = vault.sealZoomTokens('user-1', tokens);

    expect(JSON.stringify(sealed)).not.toMatch(/plain/);
    const opened = vault.openZoomTokens('user-1', sealed);
    expect(opened && revealSecret(opened.accessToken)).toBe('access-plain-1234');
    expect(opened && revealSecret(opened.refreshToken)).toBe('refresh-plain-5678');
    expect(vault.openZoomTokens('user-2', sealed)).toBeNull();
    // Access and refresh envelopes are bound to their field: swapped, neither opens.
    expect(vault.openZoomTokens('user-1', { ...sealed, accessToken: sealed.refreshToken, refreshToken: sealed.accessToken })).toBeNull();
  });

  test('a start URL opens as text only for its own interview, and a verifier only for its own OAuth state', () => {
    const startUrl = vault.sealStartUrl('interview-a', new ZoomSecret('https://zoom.example/s/1?zak=host'));
    expect(vault.openStartUrl('interview-a', startUrl)).toBe('https://zoom.example/s/1?zak=host');
    expect(vault.openStartUrl('interview-b', startUrl)).toBeNull();

    const verifier = vault.sealCodeVerifier('state-1', new ZoomSecret('verifier-value'));
    expect(vault.openCodeVerifier('state-1', verifier)?.equals(new ZoomSecret('verifier-value'))).toBe(true);
    expect(vault.openCodeVerifier('state-2', verifier)).toBeNull();
  });

  test('an opened secret prints, serialises and inspects as [redacted], and compares without revealing', () => {
    const secret = vault.openServerToken('acct', vault.sealServerToken('acct', new ZoomSecret('s2s-token-value')))!;

    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- default stringification is exactly what is under test
    expect(`${String(secret)} ${JSON.stringify({ secret })} ${inspect(secret)}`).not.toContain('s2s-token-value');
    expect(secret.equals(new ZoomSecret('s2s-token-value'))).toBe(true);
    expect(secret.equals(new ZoomSecret('another-value'))).toBe(false);
  });
});
