# The Kitaab API: TypeScript compiled to dist/ with swc and the Prisma client generated at
# build time; the container runs plain JavaScript. Configuration comes from the environment
# (CONTRACT.md section 12).
FROM node:24-slim

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so the layer is reused while only the sources change. Install
# scripts stay off: nothing needs them, and Prisma's would try to download engines.
COPY --chown=node:node package.json package-lock.json ./
RUN npm install --ignore-scripts --no-audit --no-fund

COPY --chown=node:node . .
RUN npx prisma generate && npm run build

# V8's old generation capped at 256 MiB (the server's live heap stays well under it, admission
# bounds the work in flight): left alone, V8 grows it to 450-600 MiB under thousands of
# connections before collecting. The young generation held at 2 x 16 MiB, Node 20's size,
# for memory: Node 24 makes it 2 x 64, 60-90 MiB more under load. It is a trade: on Node 24
# 2 x 32 took 16-36 MiB more than 2 x 16 and a fifth less CPU per entries page (bench/RESULTS.md,
# the eighth round). Change either with NODE_OPTIONS for the instance's memory.
# glibc gives each thread that allocates (V8's compiler and GC helpers, libuv's pool hashing
# passwords with 19 MiB each) a malloc arena of its own and keeps what they freed: two arenas
# for all hold 25-37 MiB less after logins or thousands of connections, for the same CPU
# (bench/RESULTS.md, the ninth round). A fixed mmap threshold of 4 MiB: glibc otherwise raises
# it to the size of the first argon2 block freed (19 MiB) and keeps every later block in the
# arena; mapped and unmapped instead, ~14 MiB less after registrations for the same CPU (the
# tenth round).
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/app/.data \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=4194304 \
    NODE_OPTIONS="--max-old-space-size=256 --max-semi-space-size=16"
RUN mkdir -p /app/.data
EXPOSE 4000

HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node itself, not npm: signals reach the server directly (main.ts drains on SIGTERM).
CMD ["node", "dist/main.js"]
