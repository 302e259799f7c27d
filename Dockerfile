# One image for every service; SERVICE picks which one a container runs (see docker-compose.yml).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

COPY package.json package-lock.json ./
# No install script is needed at run time (esbuild finds its platform package, embedded PostgreSQL
# never starts here), so none runs during the build.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

COPY . .

# The source stays owned by root: the service has nothing to write to /app.
USER node
# Node itself is PID 1 so SIGTERM reaches scripts/serve.ts and it drains: `npx` exits on SIGTERM without
# waiting for its child, which then dies with the container before closing its connections.
CMD ["node", "--import", "tsx", "scripts/serve.ts"]
