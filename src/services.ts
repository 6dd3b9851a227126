import type { Cache } from './cache';
import type { Config } from './config';
import type { PrismaClient } from './generated/prisma/client';
import type { Logger } from './lib/logger';
import { UserService } from './modules/users/service';

/** What services are built from; one set per process. */
export interface ServiceDependencies {
  config: Config;
  prisma: PrismaClient;
  cache: Cache;
  logger: Logger;
}

/** Every domain service, shared by all requests (each module adds its own here). */
export interface Services {
  users: UserService;
}

export function createServices(deps: ServiceDependencies): Services {
  return {
    users: new UserService(deps.prisma),
  };
}
