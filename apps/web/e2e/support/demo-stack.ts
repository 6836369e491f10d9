/** Where demo mode's pieces listen in this run (ports chosen by playwright.config.ts). */
export const webUrl = `http://localhost:${process.env.E2E_WEB_PORT}`;
export const simulatorUrl = `http://127.0.0.1:${process.env.E2E_SIM_PORT}`;
export const identityProviderUrl = `http://127.0.0.1:${process.env.E2E_IDP_PORT}`;

export const DEMO_PASSWORD = 'demo-password-1';

/** Demo CRM users and the simulated Zoom user each one signs in to Zoom as. */
export const people = {
  admin: { email: 'admin@example.com', name: 'Ada Admin' },
  recruiter: { email: 'recruiter@example.com', name: 'Rita Recruiter' },
  ivy: { email: 'interviewer@example.com', name: 'Ivy Interviewer', zoomUserId: 'crZ3gYdV3xzxEDLx5JdaBw', zoomName: 'Ivy Interviewer' },
  ian: { email: 'interviewer2@example.com', name: 'Ian Second', zoomUserId: 'QLRAJ7448h4Qj89sCEE3hw', zoomName: 'Ian Second' },
  iris: { email: 'interviewer3@example.com', name: 'Iris Third', zoomUserId: 'zF4ip2X-970UXw4W3pQobg', zoomName: 'Iris Third' },
} as const;

export type Interviewer = (typeof people)['ivy' | 'ian' | 'iris'];

interface SimulatedMeeting {
  id: number;
  host_id: string;
  host_email: string;
  topic: string;
  agenda: string;
  join_url: string;
  deleted?: boolean;
}

/** The simulator's own record of meetings, through its /__sim control API. */
export async function simulatorMeetings(hostId?: string): Promise<SimulatedMeeting[]> {
  const query = hostId ? `?hostId=${encodeURIComponent(hostId)}` : '';
  const response = await fetch(`${simulatorUrl}/__sim/meetings${query}`);
  if (!response.ok) throw new Error(`simulator /__sim/meetings answered ${response.status}`);
  return (await response.json()) as SimulatedMeeting[];
}

export async function simulatorControl(path: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__sim${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator /__sim${path} answered ${response.status}: ${await response.text()}`);
}

/** A fault the simulator applies to one Zoom endpoint until cleared (see the simulator's fault-injector). */
export interface SimulatorFault {
  endpoint: 'meetings.create' | 'meetings.update' | 'meetings.delete' | 'meetings.list' | 'oauth.token';
  status?: number;
  /** Zoom's error body, e.g. `{ code: 300, message: 'Invalid meeting settings.' }`. */
  body?: unknown;
  retryAfterSeconds?: number;
  /** Zoom answers this late (a hanging Zoom). */
  latencyMs?: number;
  times?: number;
}

export async function injectSimulatorFault(fault: SimulatorFault): Promise<void> {
  await simulatorControl('/faults', fault);
}

export async function clearSimulatorFaults(): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__sim/faults`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`simulator DELETE /__sim/faults answered ${response.status}`);
}
