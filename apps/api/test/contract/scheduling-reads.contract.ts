import { randomUUID } from 'node:crypto';
import { uniqueEmail, useStore, type StoreContract } from './store-contract';

export const schedulingReadRepositoryContract: StoreContract = (makeStore) => {
  describe('SchedulingReadRepository', () => {
    const store = useStore(makeStore);

    test('one read answers the users, the host connection with its tokens, the host defaults and the scheduling policy, each as its own repository does', async () => {
      const interviewer = await store().users.create({ name: 'Snapshot Host', email: uniqueEmail('snapshot-host'), role: 'interviewer', passwordHash: 'x' });
      const recruiter = await store().users.create({ name: 'Snapshot Recruiter', email: uniqueEmail('snapshot-recruiter'), role: 'recruiter', passwordHash: 'x' });
      await store().zoomConnections.saveConnection(interviewer.id, {
        zoomUserId: `zoom-${randomUUID()}`,
        zoomEmail: 'host@zoom.example.test',
        zoomAccountId: 'acct-1',
        scopes: ['meeting:write'],
        tokens: { accessToken: 'v1.k.access', refreshToken: 'v1.k.refresh', expiresAt: new Date(Date.now() + 3_600_000) },
        connectedAt: new Date(Date.now() - 1000),
      });
      await store().meetingDefaults.put(interviewer.id, { waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false });
      await store().settings.putScheduling({ requireInterviewerZoom: true }, recruiter.id, new Date('2030-01-01T00:00:00.000Z'));

      const snapshot = await store().schedulingReads.findForScheduling({ userIds: [interviewer.id, recruiter.id, 'no-such-user'], hostIds: [interviewer.id] });

      expect(snapshot.users.map((user) => user.id).sort()).toEqual([interviewer.id, recruiter.id].sort());
      expect(snapshot.users.find((user) => user.id === interviewer.id)).toEqual(await store().users.findById(interviewer.id));
      expect(snapshot.connections.get(interviewer.id)).toEqual(await store().zoomConnections.getConnection(interviewer.id));
      expect(snapshot.connections.get(interviewer.id)?.tokens?.refreshToken).toBe('v1.k.refresh');
      expect(snapshot.meetingDefaults.get(interviewer.id)).toEqual({ waitingRoom: false, autoRecording: 'cloud', joinBeforeHost: true, muteUponEntry: false });
      expect(snapshot.scheduling).toEqual(await store().settings.getScheduling());
      expect(snapshot.scheduling.settings.requireInterviewerZoom).toBe(true);
      await store().settings.putScheduling({ requireInterviewerZoom: false }, recruiter.id, new Date('2030-01-01T00:00:00.000Z'));
    });

    test('a host that does not exist, or never saved defaults, reads as null', async () => {
      const interviewer = await store().users.create({ name: 'Plain Host', email: uniqueEmail('plain-host'), role: 'interviewer', passwordHash: 'x' });

      const snapshot = await store().schedulingReads.findForScheduling({ userIds: [interviewer.id], hostIds: [interviewer.id, 'no-such-user'] });

      expect(snapshot.connections.get(interviewer.id)).toMatchObject({ state: 'not_connected', tokens: null });
      expect(snapshot.connections.get('no-such-user')).toBeNull();
      expect(snapshot.meetingDefaults.get(interviewer.id)).toBeNull();
      expect(snapshot.meetingDefaults.get('no-such-user')).toBeNull();
    });
  });

  describe('InvitationRepository with a version carried on the interview', () => {
    const store = useStore(makeStore);
    const carried = { fingerprint: 'first', method: 'REQUEST' as const, issuedAt: new Date('2030-01-01T09:00:00.000Z') };

    test('while no record exists, the carried version is SEQUENCE 0: the same fingerprint writes nothing, a new one is SEQUENCE 1', async () => {
      const interviewId = randomUUID();
      const uid = `${interviewId}@crm`;

      const same = await store().invitations.advance(interviewId, { uid, fingerprint: 'first', method: 'REQUEST' }, new Date('2030-01-01T10:00:00.000Z'), carried);
      expect(same).toMatchObject({ issued: false, record: { uid, sequence: 0, fingerprint: 'first' } });
      expect(await store().invitations.find(interviewId)).toBeNull();

      const changed = await store().invitations.advance(interviewId, { uid, fingerprint: 'second', method: 'REQUEST' }, new Date('2030-01-01T11:00:00.000Z'), carried);
      expect(changed).toMatchObject({ issued: true, record: { uid, sequence: 1, fingerprint: 'second' } });

      // Back to the first details: the record (now SEQUENCE 1) counts, not the carried version.
      const back = await store().invitations.advance(interviewId, { uid, fingerprint: 'first', method: 'REQUEST' }, new Date('2030-01-01T12:00:00.000Z'), carried);
      expect(back).toMatchObject({ issued: true, record: { sequence: 2, fingerprint: 'first' } });
    });
  });
};
