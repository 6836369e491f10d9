import type { Store } from '../../src/domain/ports/store';

/** The organisation of issue 17: what a real customer looks like after two years. */
export const ORGANISATION_SIZE = { interviewers: 2_000, connectedShare: 0.6, recruiters: 300, admins: 3, interviews: 50_000, spanDays: 730 } as const;

export interface SeededOrganisation {
  interviewerIds: string[];
  recruiterIds: string[];
  /** Emails to sign in with (every seeded user shares one password). */
  recruiterEmail: string;
  adminEmail: string;
  connectedInterviewerEmail: string;
}

const FIRST = ['Ada', 'Alan', 'Barbara', 'Claude', 'Donald', 'Edsger', 'Frances', 'Grace', 'Hedy', 'Ivan', 'John', 'Katherine', 'Leslie', 'Margaret', 'Niklaus', 'Ole', 'Radia', 'Shafi', 'Tim', 'Vint'];
const LAST = ['Lovelace', 'Turing', 'Liskov', 'Shannon', 'Knuth', 'Dijkstra', 'Allen', 'Hopper', 'Lamarr', 'Sutherland', 'McCarthy', 'Johnson', 'Lamport', 'Hamilton', 'Wirth', 'Dahl', 'Perlman', 'Goldwasser', 'Berners-Lee', 'Cerf'];

/** Deterministic pseudo-random numbers (mulberry32), so every run seeds the same organisation. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function personName(index: number): string {
  return `${FIRST[index % FIRST.length]} ${LAST[Math.floor(index / FIRST.length) % LAST.length]} ${index}`;
}

/** Runs `work` over `items` with at most `concurrency` at once (MongoDB round trips overlap; memory does not care). */
async function inBatches<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += concurrency) {
    await Promise.all(items.slice(start, start + concurrency).map((item, offset) => work(item, start + offset)));
  }
}

/**
 * Loads the organisation through the repositories (the same writes the API makes), spread over two years
 * around `now`: a year of past interviews and a year ahead. Meetings are settled as Zoom would have them.
 */
export async function seedOrganisation(
  store: Store,
  options: { passwordHash: string; now: Date; interviews?: number; concurrency?: number; onUsersSeeded?: () => Promise<void> | void },
): Promise<SeededOrganisation> {
  const size = { ...ORGANISATION_SIZE, interviews: options.interviews ?? ORGANISATION_SIZE.interviews };
  const concurrency = options.concurrency ?? (store.kind === 'mongodb' ? 50 : 1);
  const next = random(17);
  const interviewers = Array.from({ length: size.interviewers }, (_, i) => i);
  const interviewerIds: string[] = new Array<string>(size.interviewers);
  const connected = new Set<string>();
  await inBatches(interviewers, concurrency, async (i) => {
    const user = await store.users.create({ name: personName(i), email: `interviewer-${i}@org.example`, role: 'interviewer', passwordHash: options.passwordHash });
    interviewerIds[i] = user.id;
    if (i < size.interviewers * size.connectedShare) {
      connected.add(user.id);
      await store.zoomConnections.saveConnection(user.id, {
        zoomUserId: `seed-zoom-${i}`,
        zoomEmail: `interviewer-${i}@org.example`,
        zoomAccountId: 'seed-account',
        scopes: ['meeting:write'],
        // Never used: the benchmark schedules nothing for seeded interviewers.
        tokens: { accessToken: 'seed.not-a-token', refreshToken: 'seed.not-a-token', expiresAt: new Date(options.now.getTime() + 3_600_000) },
        connectedAt: options.now,
      });
    }
  });
  const recruiterIds: string[] = new Array<string>(size.recruiters);
  await inBatches(Array.from({ length: size.recruiters }, (_, i) => i), concurrency, async (i) => {
    recruiterIds[i] = (await store.users.create({ name: `Recruiter ${personName(i)}`, email: `recruiter-${i}@org.example`, role: 'recruiter', passwordHash: options.passwordHash })).id;
  });
  for (let i = 0; i < size.admins; i += 1) await store.users.create({ name: `Admin ${i}`, email: `admin-${i}@org.example`, role: 'admin', passwordHash: options.passwordHash });

  await options.onUsersSeeded?.();
  const spanMs = size.spanDays * 86_400_000;
  const plans = Array.from({ length: size.interviews }, (_, i) => {
    const interviewerId = interviewerIds[Math.floor(next() * interviewerIds.length)]!;
    // Working hours, on the quarter hour, anywhere in the two years.
    const day = Math.floor((next() - 0.5) * spanMs / 86_400_000);
    const startTime = new Date(Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate() + day, 8 + Math.floor(next() * 9), Math.floor(next() * 4) * 15));
    return {
      index: i,
      interviewerId,
      createdById: recruiterIds[Math.floor(next() * recruiterIds.length)]!,
      startTime,
      candidate: personName(Math.floor(next() * 400) * 7 + i),
      cancelled: next() < 0.05,
      hostSource: connected.has(interviewerId) && next() < 0.95 ? ('interviewer' as const) : ('system' as const),
    };
  });
  await inBatches(plans, concurrency, async (plan) => {
    const created = await store.interviews.create({
      candidateName: plan.candidate,
      candidateEmail: `candidate-${plan.index}@mail.example`,
      position: 'Software Engineer',
      interviewerId: plan.interviewerId,
      startTime: plan.startTime,
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      agenda: 'System design and a short coding exercise',
      notes: '',
      createdById: plan.createdById,
      claim: { owner: 'seed', expiresAt: new Date(options.now.getTime() + 60_000) },
    });
    await store.interviews.release(created.id, 'seed', created.revision, {
      status: 'scheduled',
      pendingAction: null,
      syncedRevision: created.revision,
      attempts: 0,
      nextAttemptAt: null,
      zoomMeetingId: String(80_000_000_000 + plan.index),
      joinUrl: `https://zoom.example/j/${80_000_000_000 + plan.index}`,
      password: 'seed',
      hostSource: plan.hostSource,
      hostReason: plan.hostSource === 'interviewer' ? 'connected' : 'not_connected',
      createdInZoomAt: created.createdAt,
    });
    if (plan.cancelled) {
      const cancelled = await store.interviews.cancel(created.id, options.now);
      if (cancelled) {
        await store.interviews.claim(created.id, 'seed', new Date(options.now.getTime() + 60_000), options.now);
        await store.interviews.release(created.id, 'seed', cancelled.revision, { status: 'cancelled', pendingAction: null, syncedRevision: cancelled.revision, deletedInZoom: true, nextAttemptAt: null });
      }
    }
  });
  return { interviewerIds, recruiterIds, recruiterEmail: 'recruiter-0@org.example', adminEmail: 'admin-0@org.example', connectedInterviewerEmail: 'interviewer-0@org.example' };
}
