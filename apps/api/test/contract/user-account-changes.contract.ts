import { uniqueEmail, useStore, type StoreContract } from './store-contract';

const HASH = 'scrypt$contract-salt$contract-hash-value';

export const userAccountChangesContract: StoreContract = (makeStore) => {
  describe('UserRepository.changeAccount (session versions)', () => {
    const store = useStore(makeStore);

    async function newUser() {
      return store().users.create({ name: 'Session Person', email: uniqueEmail('session'), role: 'interviewer', passwordHash: HASH });
    }

    test('a new user is active at session version 0', async () => {
      const user = await newUser();
      expect(user).toMatchObject({ active: true, sessionVersion: 0 });
      expect(await store().users.findById(user.id)).toMatchObject({ active: true, sessionVersion: 0 });
    });

    test('an empty change only ends the sessions: the version goes up by one each time', async () => {
      const user = await newUser();
      expect((await store().users.changeAccount(user.id, {}))?.sessionVersion).toBe(1);
      expect((await store().users.changeAccount(user.id, {}))?.sessionVersion).toBe(2);
      expect(await store().users.findById(user.id)).toMatchObject({ role: 'interviewer', active: true, sessionVersion: 2 });
    });

    test('a role, active flag or password change is written with the version bump in one change', async () => {
      const user = await newUser();
      const changed = await store().users.changeAccount(user.id, { role: 'recruiter', active: false });
      expect(changed).toMatchObject({ id: user.id, role: 'recruiter', active: false, sessionVersion: 1 });
      await store().users.changeAccount(user.id, { passwordHash: 'scrypt$new-salt$new-hash' });
      const credentials = await store().users.findCredentialsByEmail(user.email);
      expect(credentials?.passwordHash).toBe('scrypt$new-salt$new-hash');
      expect(credentials?.user).toMatchObject({ role: 'recruiter', active: false, sessionVersion: 2 });
    });

    test('concurrent changes each bump the version (none is lost)', async () => {
      const user = await newUser();
      await Promise.all(Array.from({ length: 10 }, () => store().users.changeAccount(user.id, {})));
      expect((await store().users.findById(user.id))?.sessionVersion).toBe(10);
    });

    test('changing an unknown user answers null', async () => {
      expect(await store().users.changeAccount('no-such-user', { active: false })).toBeNull();
    });
  });
};
