# syntax=docker/dockerfile:1
# The Interview CRM in one image: the compiled API (apps/api/dist) serving the built web app (apps/web/dist).
#   docker build -t interview-crm .            (the runtime stage, the default target)
#   docker build -t zoom-simulator --target zoom-simulator .
ARG NODE_IMAGE=node:20-bookworm-slim

# ── build: the whole workspace, dev dependencies included ────────────────────────────────────────
FROM ${NODE_IMAGE} AS build
WORKDIR /app
RUN npm install --global pnpm@10.34.8
# Manifests first, so the dependency layer is reused until a manifest or the lockfile changes.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/zoom-simulator/package.json apps/zoom-simulator/
COPY packages/shared/package.json packages/shared/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @crm/api build && pnpm --filter @crm/web build
# Production dependencies of the API alone (express, mongoose, …), without the workspace's dev tools.
RUN pnpm --filter @crm/api deploy --prod --legacy /out/api

# ── zoom-simulator: for `docker compose --profile simulator`; a development tool, runs from source ─
FROM build AS zoom-simulator
USER node
ENV ZOOM_SIM_HOST=0.0.0.0 ZOOM_SIM_PORT=9090
EXPOSE 9090
CMD ["node", "--import", "tsx", "apps/zoom-simulator/src/main.ts"]

# ── runtime: compiled JavaScript, production dependencies, a non-root user ───────────────────────
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=5000 \
    WEB_DIST_DIR=/app/web
WORKDIR /app
# Owned by root and only readable by the app's user: the running process cannot rewrite its own code.
COPY --from=build /out/api/package.json ./package.json
COPY --from=build /out/api/node_modules ./node_modules
COPY --from=build /app/apps/api/dist ./dist
COPY --from=build /app/apps/web/dist ./web
USER node
EXPOSE 5000
# /api/health says the process serves requests (readiness, /api/ready, also checks the database).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 5000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# src/main.ts drains in-flight requests and the worker's current item on SIGTERM (SHUTDOWN_GRACE_MS).
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/main.js"]
