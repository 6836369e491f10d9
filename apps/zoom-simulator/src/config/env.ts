/** The CLI's configuration, parsed once; a bad value stops start-up with a message naming it. */
export interface SimulatorEnv {
  port: number;
  /** 127.0.0.1 unless ZOOM_SIM_HOST says otherwise (0.0.0.0 inside a container). */
  host: string;
  redirectUris?: string[];
  webhookUrl?: string;
  webhookSecretToken?: string;
  logRequests: boolean;
  /** Start with LENIENT_POLICY (the simulator's original, gentler behaviour) instead of Zoom's. */
  lenient: boolean;
}

export function parseSimulatorEnv(env: NodeJS.ProcessEnv): SimulatorEnv {
  const problems: string[] = [];
  const port = env.ZOOM_SIM_PORT === undefined || env.ZOOM_SIM_PORT === '' ? 9090 : Number(env.ZOOM_SIM_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`ZOOM_SIM_PORT must be a port number 0-65535, got "${env.ZOOM_SIM_PORT}"`);

  const redirectUris = env.ZOOM_SIM_REDIRECT_URIS?.split(',').map((uri) => uri.trim()).filter(Boolean);
  for (const uri of redirectUris ?? []) if (!URL.canParse(uri)) problems.push(`ZOOM_SIM_REDIRECT_URIS must be comma-separated absolute URLs, got "${uri}"`);

  const webhookUrl = env.ZOOM_SIM_WEBHOOK_URL || undefined;
  if (webhookUrl !== undefined && !URL.canParse(webhookUrl)) problems.push(`ZOOM_SIM_WEBHOOK_URL must be an absolute URL, got "${webhookUrl}"`);

  const logRequests = env.ZOOM_SIM_LOG_REQUESTS ?? 'true';
  if (logRequests !== 'true' && logRequests !== 'false') problems.push(`ZOOM_SIM_LOG_REQUESTS must be "true" or "false", got "${logRequests}"`);

  const lenient = env.ZOOM_SIM_LENIENT ?? 'false';
  if (lenient !== 'true' && lenient !== 'false') problems.push(`ZOOM_SIM_LENIENT must be "true" or "false", got "${lenient}"`);

  if (problems.length > 0) throw new Error(`Invalid zoom-simulator configuration:\n  ${problems.join('\n  ')}`);
  return {
    port,
    host: env.ZOOM_SIM_HOST || '127.0.0.1',
    ...(redirectUris?.length ? { redirectUris } : {}),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
    ...(env.ZOOM_SIM_WEBHOOK_SECRET_TOKEN ? { webhookSecretToken: env.ZOOM_SIM_WEBHOOK_SECRET_TOKEN } : {}),
    logRequests: logRequests === 'true',
    lenient: lenient === 'true',
  };
}
