# Incident Desk: a multi-stage build on Node 20 (Debian slim).
# Build:  docker build -t incident-desk .
# Run:    docker run --init --env-file .env -p 3000:3000 -v incident-desk-data:/data incident-desk
# (compose.yaml does the same with Redis next to it.)

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY src ./src
COPY commands ./commands
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The unanswered-question record and the generated log salt live on a volume owned by "node".
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# One process, no npm or shell in between: SIGTERM reaches the bot, which drains and exits 0.
# Run it with an init (compose `init: true`, or `docker run --init`) so signals and zombies are handled.
CMD ["node", "dist/main.js"]
