import { z } from 'zod';
import type { Endpoint } from './endpoint';

// ---------------------------------------------------------------------------------------------
// Zoom's recording events (webhook bodies)

/** Zoom sends meeting ids as JSON numbers (int64); kept as strings so nothing rounds them. */
const zoomIdSchema = z.union([z.string().min(1).max(40), z.number().int().nonnegative()]).transform(String);

const recordingFileSchema = z.object({
  id: z.string().max(100).optional(),
  recording_start: z.string().max(40).optional(),
  recording_end: z.string().max(40).optional(),
  /** MP4, M4A, TRANSCRIPT, CHAT, … */
  file_type: z.string().max(40).optional(),
  file_extension: z.string().max(20).optional(),
  file_size: z.number().nonnegative().optional(),
  play_url: z.string().max(2048).optional(),
  download_url: z.string().max(2048).optional(),
  status: z.string().max(40).optional(),
  recording_type: z.string().max(100).optional(),
});
export type ZoomRecordingFile = z.output<typeof recordingFileSchema>;

/** The recording events the CRM subscribes to. */
export const ZOOM_RECORDING_EVENTS = ['recording.completed', 'recording.transcript_completed'] as const;

/**
 * `recording.completed` (video, audio, play and share links) and `recording.transcript_completed` (the
 * VTT). `download_token` opens the files' download_url for 24 hours; the CRM never stores it in the clear.
 */
export const zoomRecordingEventSchema = z.object({
  event: z.enum(ZOOM_RECORDING_EVENTS),
  event_ts: z.number().int().nonnegative(),
  payload: z.object({
    account_id: z.string().max(100).optional(),
    object: z.object({
      id: zoomIdSchema,
      uuid: z.string().max(100).optional(),
      host_id: z.string().max(100).optional(),
      topic: z.string().max(300).optional(),
      start_time: z.string().max(40).optional(),
      duration: z.number().int().nonnegative().max(100_000).optional(),
      share_url: z.string().max(2048).optional(),
      recording_files: z.array(recordingFileSchema).max(100).default([]),
    }),
  }),
  download_token: z.string().max(8192).optional(),
});
export type ZoomRecordingEvent = z.output<typeof zoomRecordingEventSchema>;

// ---------------------------------------------------------------------------------------------
// The interview's recording, for the interviewer who hosted, the recruiter who scheduled and admins

export const interviewRecordingResponseSchema = z.object({
  /** The host's meeting settings record to the cloud automatically: Zoom will send a recording. */
  autoRecording: z.boolean(),
  recording: z
    .object({
      playUrl: z.string().nullable(),
      shareUrl: z.string().nullable(),
      durationMinutes: z.number().int().nullable(),
      recordedAt: z.string().nullable(),
    })
    .nullable(),
  transcript: z
    .object({
      /** The VTT as Zoom made it; null once retention removed it (see `deletedAt`). */
      text: z.string().nullable(),
      storedAt: z.string(),
      deletedAt: z.string().nullable(),
    })
    .nullable(),
});
export type InterviewRecordingResponse = z.infer<typeof interviewRecordingResponseSchema>;

/** How long the CRM keeps its copy of transcript text. */
export const recordingSettingsSchema = z.strictObject({
  transcriptRetentionDays: z.number().int().min(1).max(3650),
});
export type RecordingSettings = z.infer<typeof recordingSettingsSchema>;
export const DEFAULT_RECORDING_SETTINGS: RecordingSettings = { transcriptRetentionDays: 90 };

const interviewParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const recordingEndpoints = {
  /** 404 for anyone but the hosting interviewer, the recruiter who scheduled it and admins. */
  interviewRecording: { method: 'GET', path: '/api/interviews/:id/recording', params: interviewParamsSchema, response: interviewRecordingResponseSchema },
  getRecordingSettings: { method: 'GET', path: '/api/admin/recording-settings', response: recordingSettingsSchema },
  putRecordingSettings: { method: 'PUT', path: '/api/admin/recording-settings', body: recordingSettingsSchema, response: recordingSettingsSchema },
} as const satisfies Record<string, Endpoint>;
