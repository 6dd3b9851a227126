#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# Pointing PRISMA_SCHEMA_ENGINE_BINARY here lets `prisma generate` run; anything that
# truly needs the engine fails loudly instead of silently doing nothing.
echo "The native Prisma schema engine is not available offline: use npm run db:migrate / db:diff / db:new / db:status." >&2
exit 1
