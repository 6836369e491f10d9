import type { Role } from '@crm/shared/auth';
import { DuplicateEmailError, type NewUser, type UserRecord } from '../../src/domain/ports/user-repository';
import { expectDate, expectPlain, uniqueEmail, useStore, type StoreContract } from './store-contract';

// Repository tests need a value shaped like a hash, not a slow real one.
const HASH = 'scrypt$contract-salt$contract-hash-value';

function newUser(overrides: Partial<NewUser> = {}): NewUser {
  return { name: 'Contract Person', email: uniqueEmail('user'), role: 'interviewer', passwordHash: HASH, ...overrides };
}

function expectNoSecrets(user: UserRecord): void {
  expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['passwordHash']));
  for (const key of Object.keys(user)) expect(key).not.toMatch(/password|token/i);
  expect(JSON.stringify(user)).not.toContain(HASH);
}

export const userRepositoryContract: StoreContract = (makeStore) => {
  describe('UserRepository', () => {
    const store = useStore(makeStore);

    test('findByIds returns every known user of the list in one call, leaving unknown ids out', async () => {
      const a = await store().users.create(newUser());
      const b = await store().users.create(newUser({ role: 'recruiter' }));

      const found = await store().users.findByIds([b.id, a.id, 'no-such-user', a.id]);

      expect(found.map((user) => user.id).sort()).toEqual([a.id, b.id].sort());
      expect(found.find((user) => user.id === b.id)).toEqual(b);
      expect(await store().users.findByIds([])).toEqual([]);
    });

    test('creating a user returns it with an id, the email lower-cased, no Zoom connection and no password hash', async () => {
      const before = Date.now();
      const created = await store().users.create(newUser({ name: 'Ada Lovelace', email: 'Ada.Lovelace-1@Contract.Example.test', role: 'recruiter' }));
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Ada Lovelace',
        email: 'ada.lovelace-1@contract.example.test',
        role: 'recruiter',
        createdAt: created.createdAt,
        active: true,
        sessionVersion: 0,
        zoomConnected: false,
        zoomConnectionState: 'not_connected',
        zoomUserId: null,
        zoomEmail: null,
        zoomAccountId: null,
        zoomConnectedAt: null,
        zoomScopes: [],
        zoomLastRefreshAt: null,
        zoomLastProblem: null,
      });
      expectDate(created.createdAt);
      expect(created.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expectNoSecrets(created);
    });

    test('when the email already exists in another case, create throws DuplicateEmailError and stores nothing', async () => {
      const email = uniqueEmail('dup');
      const first = await store().users.create(newUser({ email }));
      await expect(store().users.create(newUser({ email: email.toUpperCase(), name: 'Second' }))).rejects.toBeInstanceOf(DuplicateEmailError);
      expect(await store().users.findByEmail(email)).toEqual(first);
      expect((await store().users.list()).filter((u) => u.email === email)).toHaveLength(1);
    });

    test('when two creates of the same email race, exactly one succeeds and the other gets DuplicateEmailError', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.allSettled([
        store().users.create(newUser({ email })),
        store().users.create(newUser({ email: email.toUpperCase() })),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(DuplicateEmailError);
    });

    test('findById returns the created user, and null for an unknown id', async () => {
      const created = await store().users.create(newUser());
      expect(await store().users.findById(created.id)).toEqual(created);
      expect(await store().users.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await store().users.findById('not-an-id')).toBeNull();
    });

    test('findByEmail ignores case, and returns null for an unknown email', async () => {
      const email = uniqueEmail('find');
      const created = await store().users.create(newUser({ email }));
      expect(await store().users.findByEmail(email.toUpperCase())).toEqual(created);
      expect(await store().users.findByEmail(uniqueEmail('nobody'))).toBeNull();
    });

    test('findCredentialsByEmail ignores case and returns the user with its password hash; unknown email gives null', async () => {
      const email = uniqueEmail('credentials');
      const created = await store().users.create(newUser({ email, passwordHash: 'scrypt$other-salt$other-hash' }));
      const credentials = await store().users.findCredentialsByEmail(email.toUpperCase());
      expect(credentials).toEqual({ user: created, passwordHash: 'scrypt$other-salt$other-hash' });
      expect(await store().users.findCredentialsByEmail(uniqueEmail('nobody'))).toBeNull();
    });

    test('no read other than findCredentialsByEmail carries the password hash', async () => {
      const created = await store().users.create(newUser());
      expectNoSecrets(created);
      expectNoSecrets((await store().users.findById(created.id))!);
      expectNoSecrets((await store().users.findByEmail(created.email))!);
      expectNoSecrets((await store().users.findCredentialsByEmail(created.email))!.user);
      for (const listed of await store().users.list()) expectNoSecrets(listed);
    });

    test('list with a role returns only users of that role, oldest first; without a filter it returns every role', async () => {
      const fresh = await makeStore();
      try {
        const roles: Role[] = ['interviewer', 'recruiter', 'interviewer', 'admin', 'interviewer'];
        const created: UserRecord[] = [];
        for (const [index, role] of roles.entries()) {
          created.push(await fresh.users.create(newUser({ role, email: `person-${index}@contract.example.test` })));
        }
        const interviewers = await fresh.users.list({ role: 'interviewer' });
        expect(interviewers.map((u) => u.email)).toEqual(['person-0@contract.example.test', 'person-2@contract.example.test', 'person-4@contract.example.test']);
        expect(interviewers).toEqual([created[0], created[2], created[4]]);
        expect(await fresh.users.list({ role: 'admin' })).toEqual([created[3]]);
        expect(await fresh.users.list()).toEqual(created);
        expect(await fresh.users.list({})).toEqual(created);
      } finally {
        await fresh.close();
      }
    });

    test('mutating a returned user changes nothing stored', async () => {
      const email = uniqueEmail('copy');
      const created = await store().users.create(newUser({ email }));
      const snapshot = structuredClone(created);

      created.name = 'Mallory';
      created.role = 'admin';
      created.zoomScopes.push('meeting:write');
      created.createdAt.setFullYear(1999);
      const found = (await store().users.findById(snapshot.id))!;
      found.email = 'changed@example.test';
      found.zoomScopes.push('user:read');
      const credentials = (await store().users.findCredentialsByEmail(email))!;
      credentials.user.name = 'Eve';
      credentials.passwordHash = 'tampered';
      for (const listed of await store().users.list()) listed.name = 'Listed';

      expect(await store().users.findById(snapshot.id)).toEqual(snapshot);
      expect(await store().users.findByEmail(email)).toEqual(snapshot);
      expect((await store().users.findCredentialsByEmail(email))!.passwordHash).toBe(HASH);
    });

    test('returned users are plain objects: ids are strings and dates are Date instances', async () => {
      const created = await store().users.create(newUser());
      for (const user of [created, (await store().users.findById(created.id))!, (await store().users.findByEmail(created.email))!]) {
        expectPlain(user);
        expect(typeof user.id).toBe('string');
        expectDate(user.createdAt);
        expect(Array.isArray(user.zoomScopes)).toBe(true);
        expectPlain(user.zoomScopes);
      }
    });
  });
};
