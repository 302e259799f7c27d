# One image for every service; SERVICE picks which one a container runs (see docker-compose.yml).

# The web console is built here, with the development dependencies, and only its output is kept.
FROM node:20-bookworm-slim AS console
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY web ./web
COPY scripts/consoleBuild.ts ./scripts/
RUN node --import tsx scripts/consoleBuild.ts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
# No install script is needed at run time (esbuild finds its platform package, embedded PostgreSQL
# never starts here), so none runs during the build.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY . .
COPY --from=console /build/web/dist ./web/dist

# The source stays owned by root: the service has nothing to write to /app.
USER node
# Node itself is PID 1 so SIGTERM reaches scripts/serve.ts and it drains: `npx` exits on SIGTERM without
# waiting for its child, which then dies with the container before closing its connections.
CMD ["node", "--import", "tsx", "scripts/serve.ts"]
