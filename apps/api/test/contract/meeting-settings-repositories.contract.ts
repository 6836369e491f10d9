import { randomUUID } from 'node:crypto';
import { useStore, type StoreContract } from './store-contract';

export const meetingDefaultsRepositoryContract: StoreContract = (makeStore) => {
  describe('MeetingDefaultsRepository', () => {
    const store = useStore(makeStore);

    test('a user who never saved defaults has none; saving twice keeps the latest', async () => {
      const userId = randomUUID();
      expect(await store().meetingDefaults.get(userId)).toBeNull();

      await store().meetingDefaults.put(userId, { waitingRoom: true, autoRecording: 'none', joinBeforeHost: false, muteUponEntry: true });
      await store().meetingDefaults.put(userId, { waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false });

      expect(await store().meetingDefaults.get(userId)).toEqual({ waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false });
    });
  });
};

export const cachedSecretRepositoryContract: StoreContract = (makeStore) => {
  describe('CachedSecretRepository', () => {
    const store = useStore(makeStore);

    test('put then get returns the envelope and expiry; deleteIfMatches spares a newer value', async () => {
      const name = `secret-${randomUUID()}`;
      const expiresAt = new Date(Date.now() + 60_000);
      await store().cachedSecrets.put(name, { envelope: 'v1.k.old', expiresAt });
      await store().cachedSecrets.put(name, { envelope: 'v1.k.new', expiresAt });

      await store().cachedSecrets.deleteIfMatches(name, 'v1.k.old');
      expect(await store().cachedSecrets.get(name)).toEqual({ envelope: 'v1.k.new', expiresAt });

      await store().cachedSecrets.deleteIfMatches(name, 'v1.k.new');
      expect(await store().cachedSecrets.get(name)).toBeNull();
    });
  });
};
