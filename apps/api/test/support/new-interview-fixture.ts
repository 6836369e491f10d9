import { randomUUID } from 'node:crypto';
import type { NewInterview } from '../../src/domain/ports/interview-repository';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A new interview as the repositories take it, for tests that write to a store directly: tomorrow, 45 min,
 * a candidate email no other test uses, claimed for a minute; each test overrides what it is about.
 */
export function newInterviewFixture(overrides: Partial<NewInterview> = {}): NewInterview {
  return {
    candidateName: 'Casey Contract',
    candidateEmail: `casey-${randomUUID()}@contract.example.test`,
    position: 'Engineer',
    startTime: new Date(Date.now() + DAY),
    timeZone: 'UTC',
    durationMinutes: 45,
    agenda: '',
    notes: '',
    interviewerId: 'i',
    createdById: 'r',
    claim: { owner: 'contract', expiresAt: new Date(Date.now() + 60_000) },
    ...overrides,
  };
}
