import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ZoomSimulatorControl } from './control/zoom-simulator-control';
import { createZoomSimulator } from './create-zoom-simulator';
import type { ZoomSimulatorOptions } from './simulator-options';

export interface RunningZoomSimulator {
  /** OAuth base URL; the REST base is `${url}/v2`. */
  url: string;
  control: ZoomSimulatorControl;
  close(): Promise<void>;
}

export async function startZoomSimulator(options: ZoomSimulatorOptions & { port?: number; host?: string } = {}): Promise<RunningZoomSimulator> {
  const { port = 0, host = '127.0.0.1', ...simulatorOptions } = options;
  const { app, control, stop } = createZoomSimulator(simulatorOptions);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
  return {
    url,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Queued webhook retries must not fire at a receiver that has gone with the test.
        stop();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
