import { createMemoryStore } from '../src/data/memory/create-memory-store';
import { presentInterviewsForViewer } from '../src/domain/interviews/present-interview-for-viewer';
import type { Role } from '@crm/shared/auth';
import { newInterviewFixture } from './support/new-interview-fixture';

// The memory store's list rows are its live documents (ListedInterview): a write can land between the
// list read and the page's presentation, while the page's users are being read.
test('a panel member added while a list page reads its users is shown by name, not as a removed user', async () => {
  const store = createMemoryStore();
  const person = (name: string, role: Role) => store.users.create({ name, email: `${name.toLowerCase()}@panel.example.test`, role, passwordHash: 'scrypt$salt$hash' });
  const lead = await person('Lena', 'interviewer');
  const joining = await person('Jonas', 'interviewer');
  const recruiter = await person('Rita', 'recruiter');
  const created = await store.interviews.create(newInterviewFixture({ interviewerId: lead.id, createdById: recruiter.id }));
  const rows = await store.interviews.list({ when: 'upcoming', now: new Date(), includeCancelled: false, limit: 10 });

  let edited = false;
  const users = {
    async findByIds(ids: readonly string[]) {
      const found = await store.users.findByIds(ids);
      if (!edited) {
        // Another recruiter's panel change lands while this page waits for its users.
        edited = true;
        await store.interviews.changePanel(created.id, [lead.id, joining.id], { moveMeeting: false, now: new Date() });
      }
      return found;
    },
  };
  const [shown] = await presentInterviewsForViewer({ users }, rows, { userId: recruiter.id, role: 'recruiter' });

  expect(shown?.panel?.map((member) => member.name)).toEqual(['Lena', 'Jonas']);
});
