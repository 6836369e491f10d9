import { useStore, type StoreContract } from './store-contract';

export const settingsRepositoryContract: StoreContract = (makeStore) => {
  const store = useStore(makeStore);

  describe('SettingsRepository', () => {
    test('scheduling settings start at the defaults (requireInterviewerZoom off), then read back what an admin saved, with who and when', async () => {
      const fresh = await store().settings.getScheduling();
      expect(fresh).toEqual({ settings: { requireInterviewerZoom: false }, updatedAt: null, updatedBy: null });

      const at = new Date('2030-01-01T10:00:00.000Z');
      const saved = await store().settings.putScheduling({ requireInterviewerZoom: true }, 'admin-1', at);
      expect(saved).toEqual({ settings: { requireInterviewerZoom: true }, updatedAt: at, updatedBy: 'admin-1' });
      expect(await store().settings.getScheduling()).toEqual(saved);

      await store().settings.putScheduling({ requireInterviewerZoom: false }, 'admin-2', new Date('2030-01-02T10:00:00.000Z'));
      expect((await store().settings.getScheduling()).settings.requireInterviewerZoom).toBe(false);
    });
  });
};
