import { randomUUID } from 'node:crypto';
import { expectDate, useStore, type StoreContract } from './store-contract';

const links = (recordedAt: Date) => ({
  zoomMeetingId: '85746065432',
  playUrl: 'https://zoom.us/rec/play/abc',
  shareUrl: 'https://zoom.us/rec/share/abc',
  durationMinutes: 42,
  recordedAt,
});

export const interviewRecordingRepositoryContract: StoreContract = (makeStore) => {
  describe('InterviewRecordingRepository and RecordingSettingsRepository', () => {
    const store = useStore(makeStore);

    test('links and transcript upsert into one row, in either order', async () => {
      const id = randomUUID();
      const now = new Date();
      await store().interviewRecordings.saveTranscript(id, { zoomMeetingId: '85746065432', text: 'WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\nHi' }, now);
      await store().interviewRecordings.saveLinks(id, links(new Date('2030-05-01T09:00:00Z')), now);

      const stored = await store().interviewRecordings.find(id);
      expect(stored).toMatchObject({ interviewId: id, zoomMeetingId: '85746065432', playUrl: 'https://zoom.us/rec/play/abc', durationMinutes: 42, transcriptDeletedAt: null });
      expect(stored!.transcriptText).toMatch(/^WEBVTT/);
      expectDate(stored!.transcriptStoredAt);
      expectDate(stored!.recordedAt);
      expect(await store().interviewRecordings.find(randomUUID())).toBeNull();
    });

    test('transcripts stored before the cutoff lose their text (and are counted once); newer ones and the links stay', async () => {
      const [old, fresh] = [randomUUID(), randomUUID()];
      const now = new Date();
      await store().interviewRecordings.saveLinks(old, links(new Date(now.getTime() - 40 * 86_400_000)), now);
      await store().interviewRecordings.saveTranscript(old, { zoomMeetingId: '1', text: 'WEBVTT old' }, new Date(now.getTime() - 40 * 86_400_000));
      await store().interviewRecordings.saveTranscript(fresh, { zoomMeetingId: '2', text: 'WEBVTT fresh' }, now);
      const cutoff = new Date(now.getTime() - 30 * 86_400_000);

      expect(await store().interviewRecordings.deleteTranscriptsStoredBefore(cutoff, now)).toBe(1);
      expect(await store().interviewRecordings.deleteTranscriptsStoredBefore(cutoff, now)).toBe(0);

      expect(await store().interviewRecordings.find(old)).toMatchObject({ transcriptText: null, playUrl: 'https://zoom.us/rec/play/abc' });
      expectDate((await store().interviewRecordings.find(old))!.transcriptDeletedAt);
      expect(await store().interviewRecordings.find(fresh)).toMatchObject({ transcriptText: 'WEBVTT fresh', transcriptDeletedAt: null });
    });

    test('recordings made since a date are listed for analytics', async () => {
      const id = randomUUID();
      const now = new Date();
      await store().interviewRecordings.saveLinks(id, links(now), now);

      const listed = await store().interviewRecordings.listRecordedSince(new Date(now.getTime() - 1000));
      expect(listed.map((row) => row.interviewId)).toContain(id);
      expect((await store().interviewRecordings.listRecordedSince(new Date(now.getTime() + 1000))).map((row) => row.interviewId)).not.toContain(id);
    });

    test('recording settings are absent until saved, then read back', async () => {
      expect(await store().recordingSettings.get()).toBeNull();
      await store().recordingSettings.put({ transcriptRetentionDays: 14 }, new Date());
      expect(await store().recordingSettings.get()).toEqual({ transcriptRetentionDays: 14 });
    });
  });
};
