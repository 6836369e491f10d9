import type { Logger } from 'pino';
import type { TokenCipher } from '../../security/token-cipher';
import type { CreateZoomMeeting, FindUnconfirmedZoomMeeting } from '../meetings/create-zoom-meeting';
import type { DeleteZoomMeeting } from '../meetings/delete-zoom-meeting';
import type { UpdateZoomMeeting } from '../meetings/update-zoom-meeting';
import type { InterviewRepository } from '../ports/interview-repository';
import type { UserRepository } from '../ports/user-repository';

export interface InterviewDeps {
  interviews: InterviewRepository;
  users: UserRepository;
  cipher: TokenCipher;
  createZoomMeeting: CreateZoomMeeting;
  findUnconfirmedZoomMeeting: FindUnconfirmedZoomMeeting;
  updateZoomMeeting: UpdateZoomMeeting;
  deleteZoomMeeting: DeleteZoomMeeting;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** Identifies this process when it claims a meeting to talk to Zoom about it. */
  owner: string;
  /** How long a claim lasts; must outlast the slowest Zoom call with all its retries. */
  claimTtlMs: number;
  /** First worker retry delay for a queued change; doubles per attempt (with jitter), capped at 15 minutes. */
  retryBaseMs: number;
}

/** The start URL is a host credential: encrypted at rest, bound to its interview. */
export const startUrlContext = (interviewId: string) => ({ subjectId: interviewId, field: 'meetingStartUrl' });
