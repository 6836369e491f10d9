import { render, screen } from '@testing-library/react';
import type { Meeting } from '@crm/shared/interviews';
import { MeetingStatus } from '../../../src/features/interviews/components/meeting-status';

const poolFull: Meeting = {
  status: 'failed',
  pendingAction: 'create',
  zoomMeetingId: null,
  joinUrl: null,
  password: null,
  hostSource: null,
  hostReason: null,
  hostZoomEmail: null,
  lastError: {
    code: 'no_fallback_host_free',
    message: "No fallback Zoom host is free at that time: all 3 slots of the organisation's 3 fallback hosts overlap other interviews.",
    at: '2030-01-01T00:00:00.000Z',
  },
  attempts: 1,
  nextAttemptAt: null,
  joinLinkChanged: null,
};

describe('a meeting that found every fallback host busy', () => {
  test('shows a "No fallback host free" badge (not "Meeting failed") and tells the recruiter what to do, with the API message one click away', () => {
    render(<MeetingStatus meeting={poolFull} />);

    expect(screen.getByText('No fallback host free')).toBeInTheDocument();
    expect(screen.queryByText('Meeting failed')).not.toBeInTheDocument();
    expect(screen.getByText(/every fallback Zoom host already has a meeting at this time\. It gets its meeting automatically as soon as a host is free at this time\. To free one now: move this interview or another fallback interview, cancel one, or ask the interviewer to connect their own Zoom\./)).toBeInTheDocument();
    expect(screen.getByText('no_fallback_host_free')).toBeInTheDocument();
    expect(screen.getByText(/all 3 slots of the organisation's 3 fallback hosts/)).toBeInTheDocument();
  });

  test('another failure still reads "Meeting failed"', () => {
    render(<MeetingStatus meeting={{ ...poolFull, lastError: { code: 'zoom_forbidden', message: 'Forbidden', at: '2030-01-01T00:00:00.000Z' } }} />);

    expect(screen.getByText('Meeting failed')).toBeInTheDocument();
    expect(screen.queryByText('No fallback host free')).not.toBeInTheDocument();
  });
});
