/*
 * MongoDB only (skipped on the memory store, which has no indexes): the declared indexes exist, starting
 * never drops one, and every hot query is served by an index, with no collection scan and no in-memory SORT.
 */
import { randomUUID } from 'node:crypto';
import { useStore, type StoreContract } from './store-contract';

const EPOCH = new Date(0);

export const queryPlansContract: StoreContract = (makeStore, raw) => {
  const mongo = raw.mongo;
  const mongoOnly = mongo ? describe : describe.skip;

  mongoOnly('MongoDB indexes and query plans', () => {
    const store = useStore(makeStore);

    test('every declared index exists after start-up', async () => {
      const names = async (collection: string) => mongo!.indexNames(store(), collection);
      expect(await names('users')).toEqual(
        expect.arrayContaining(['emailLower_1', 'zoomUserId_1', 'createdAt_1_email_1', 'role_1_createdAt_1_email_1', 'zoomConnectionState_1_zoomLastRefreshAt_1__id_1']),
      );
      expect(await names('interviews')).toEqual(
        expect.arrayContaining([
          'interviewerId_1_startTime_1__id_1_endTime_1',
          'startTime_1__id_1_endTime_1',
          'meeting.status_1_meeting.nextAttemptAt_1__id_1',
          'live_zoom_meeting_unique',
          'meeting.createdInZoomAt_1',
        ]),
      );
      expect(await names('audit_events')).toEqual(expect.arrayContaining(['at_-1_seq_-1', 'subject.userId_1_at_-1']));
      expect(await names('oauth_states')).toEqual(expect.arrayContaining(['expiresAt_1']));
      expect(await names('cached_secrets')).toEqual(expect.arrayContaining(['expiresAt_1']));
    });

    test('starting another instance creates missing indexes and never drops one it does not declare', async () => {
      await mongo!.createIndex(store(), 'interviews', { candidateEmail: 1 }, 'made_by_an_operator');

      const again = await mongo!.reopen(store());

      expect(await mongo!.indexNames(again, 'interviews')).toEqual(expect.arrayContaining(['made_by_an_operator', 'live_zoom_meeting_unique']));
    });

    const now = new Date();
    const hot: Array<[string, string, { filter: Record<string, unknown>; sort?: Record<string, 1 | -1>; limit?: number }]> = [
      ['an interviewer’s upcoming interviews', 'interviews', { filter: { interviewerId: 'i-1', status: { $ne: 'cancelled' }, endTime: { $gte: now } }, sort: { startTime: 1, _id: 1 }, limit: 50 }],
      ['an interviewer’s past interviews', 'interviews', { filter: { interviewerId: 'i-1', status: { $ne: 'cancelled' }, endTime: { $lt: now } }, sort: { startTime: -1, _id: -1 }, limit: 50 }],
      ['everyone’s upcoming interviews', 'interviews', { filter: { status: { $ne: 'cancelled' }, endTime: { $gte: now } }, sort: { startTime: 1, _id: 1 }, limit: 50 }],
      ['everyone’s past interviews', 'interviews', { filter: { endTime: { $lt: now } }, sort: { startTime: -1, _id: -1 }, limit: 50 }],
      [
        'the worker’s next due meeting',
        'interviews',
        {
          filter: {
            'meeting.status': 'pending',
            'meeting.nextAttemptAt': { $lte: now },
            $expr: { $or: [{ $ne: [{ $type: '$meeting.claimedBy' }, 'string'] }, { $lte: [{ $ifNull: ['$meeting.claimExpiresAt', EPOCH] }, '$$NOW'] }] },
          },
          sort: { 'meeting.nextAttemptAt': 1, _id: 1 },
          limit: 1,
        },
      ],
      ['a live meeting id', 'interviews', { filter: { 'meeting.zoomMeetingId': { $eq: '123', $type: 'string' }, 'meeting.deletedInZoom': false } }],
      ['an audit page', 'audit_events', { filter: {}, sort: { at: -1, seq: -1 }, limit: 50 }],
      ['the user list', 'users', { filter: {}, sort: { createdAt: 1, email: 1 } }],
      ['the interviewers', 'users', { filter: { role: 'interviewer' }, sort: { createdAt: 1, email: 1 } }],
      ['sign-in by email', 'users', { filter: { emailLower: 'a@example.test' } }],
      // Issue 17: pages of the lists.
      ['a recruiter’s own upcoming interviews', 'interviews', { filter: { createdById: 'r-1', status: { $ne: 'cancelled' }, endTime: { $gte: now } }, sort: { startTime: 1, _id: 1 }, limit: 51 }],
      [
        'a page of everyone’s upcoming interviews after a cursor',
        'interviews',
        {
          filter: { status: { $ne: 'cancelled' }, endTime: { $gte: now }, $and: [{ startTime: { $gte: now } }, { $or: [{ startTime: { $gt: now } }, { startTime: now, _id: { $gt: 'x' } }] }] },
          sort: { startTime: 1, _id: 1 },
          limit: 51,
        },
      ],
      ['a page of the connections table', 'users', { filter: { emailLower: { $gt: 'm@example.test' } }, sort: { emailLower: 1 }, limit: 51 }],
      ['a page of the connections table by state', 'users', { filter: { zoomConnectionState: 'connected', emailLower: { $gt: 'm' } }, sort: { emailLower: 1 }, limit: 51 }],
      ['a Zoom user’s CRM user', 'users', { filter: { zoomUserId: { $eq: 'z-1', $type: 'string' } } }],
    ];

    test.each(hot)('%s is served by an index, without a collection scan or an in-memory sort', async (_label, collection, query) => {
      // A few documents, so the planner has something to plan over.
      const seeded = await store().interviews.create({
        candidateName: 'Plan',
        candidateEmail: 'plan@example.test',
        position: 'P',
        interviewerId: `i-${randomUUID()}`,
        startTime: new Date(Date.now() + 3_600_000),
        timeZone: 'UTC',
        durationMinutes: 30,
        agenda: '',
        notes: '',
        createdById: 'r',
        claim: { owner: 'o', expiresAt: new Date(Date.now() + 60_000) },
      });
      expect(seeded.id).toBeTruthy();

      const plan = await mongo!.explainFind(store(), collection, query);

      expect(plan).toMatchObject({ collectionScan: false, inMemorySort: false });
      expect(plan.indexes.length).toBeGreaterThan(0);
    });

    test('the list indexes of issue 17 exist, and type-ahead is an index range, not a collection scan', async () => {
      expect(await mongo!.indexNames(store(), 'interviews')).toEqual(expect.arrayContaining(['createdById_1_startTime_1__id_1_endTime_1', 'searchKeys_1_startTime_1__id_1']));
      expect(await mongo!.indexNames(store(), 'users')).toEqual(expect.arrayContaining(['zoomConnectionState_1_emailLower_1', 'role_1_searchKeys_1', 'searchKeys_1']));
      const typeAhead = await mongo!.explainFind(store(), 'users', { filter: { role: 'interviewer', searchKeys: /^mar/ }, sort: { emailLower: 1 }, limit: 20 });
      const candidate = await mongo!.explainFind(store(), 'interviews', { filter: { searchKeys: /^ada/, status: { $ne: 'cancelled' }, endTime: { $gte: new Date() } }, sort: { startTime: 1, _id: 1 }, limit: 51 });
      expect(typeAhead.collectionScan).toBe(false);
      expect(candidate.collectionScan).toBe(false);
    });

    test('the idle-refresh query is served by an index, not a collection scan', async () => {
      const idleSince = new Date();
      const plan = await mongo!.explainFind(store(), 'users', {
        filter: {
          zoomConnectionState: 'connected',
          zoomRefreshToken: { $type: 'string' },
          $or: [{ zoomLastRefreshAt: { $lt: idleSince } }, { zoomLastRefreshAt: null, zoomConnectedAt: { $lt: idleSince } }, { zoomLastRefreshAt: null, zoomConnectedAt: null }],
        },
        sort: { zoomLastRefreshAt: 1, _id: 1 },
        limit: 100,
      });
      expect(plan.collectionScan).toBe(false);
    });
  });
};
