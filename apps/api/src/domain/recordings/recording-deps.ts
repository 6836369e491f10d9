import type { Clock } from '../ports/clock';
import type { InterviewRecordingRepository, RecordingSettingsRepository } from '../ports/interview-recording-repository';
import type { InterviewRepository } from '../ports/interview-repository';
import type { MeetingDefaultsRepository } from '../ports/meeting-defaults-repository';

/** What showing recordings, their settings and transcript retention need. */
export interface RecordingDeps {
  interviews: Pick<InterviewRepository, 'findById'>;
  recordings: InterviewRecordingRepository;
  settings: RecordingSettingsRepository;
  meetingDefaults: Pick<MeetingDefaultsRepository, 'get'>;
  clock: Clock;
}
