import { startZoomSimulator } from '@crm/zoom-simulator';
import { BENCH_S2S_APP, BENCH_ZOOM_APP } from '../support/bench-config';
import { announceReady, onStopSignal, readConfig } from '../support/child-process-server';

interface SimulatorServerConfig {
  redirectUris: string[];
}

async function main(): Promise<void> {
  const config = readConfig<SimulatorServerConfig>();
  const simulator = await startZoomSimulator({
    port: 0,
    host: '127.0.0.1',
    userApp: { ...BENCH_ZOOM_APP, redirectUris: config.redirectUris },
    serverToServerApp: BENCH_S2S_APP,
    // Zoom's 100 meetings per host per day would turn the load tests into fallbacks.
    dailyMeetingLimitPerHost: 1_000_000_000,
    // Zoom's per-second limits (the simulator's default) would measure Zoom's budget, not the API's capacity.
    rateLimitPlan: undefined,
    logRequests: false,
  });
  announceReady({ url: simulator.url });
  onStopSignal(() => simulator.close());
}

void main();
