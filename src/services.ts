import type { Cache } from './cache';
import type { Config } from './config';
import type { EventBus } from './events';
import type { PrismaClient } from './generated/prisma/client';
import type { Logger } from './lib/logger';
import { createMailer, type Mailer } from './mail';
import { AuditEventService } from './modules/audit/service';
import { DashboardCache } from './modules/dashboard/dashboard-cache';
import { DashboardService } from './modules/dashboard/service';
import { DeedService } from './modules/deeds/deed-service';
import { ItemMoveService } from './modules/deeds/item-move';
import { DeedItemService } from './modules/deeds/item-service';
import { ScaleService } from './modules/deeds/scale-service';
import { EntryReadService } from './modules/entries/read-service';
import { EntryEvents } from './modules/entries/entry-events';
import { EntryWriteService } from './modules/entries/write-service';
import { GoalEvents } from './modules/progress/goal-events';
import { MeritService } from './modules/progress/merit-service';
import { TargetService } from './modules/progress/target-service';
import { ReflectionService } from './modules/reflections/service';
import { ReminderService } from './modules/reminders/service';
import { PermissionService } from './modules/social/permissions/service';
import { RelationService } from './modules/social/relations/service';
import { SubscriptionService } from './modules/subscriptions/service';
import { SupportService } from './modules/support/service';
import { AuthService } from './modules/users/auth-service';
import { DataExportService } from './modules/users/data-export';
import { UserService } from './modules/users/service';

/** What services are built from; one set per process. */
export interface ServiceDependencies {
  config: Config;
  prisma: PrismaClient;
  cache: Cache;
  logger: Logger;
  /** Signs access tokens (login, register, password changes). */
  jwtKey: Uint8Array;
  /** After-commit events for subscribers on every instance. */
  events: EventBus;
}

/** Every domain service, shared by all requests (each module adds its own here). */
export interface Services {
  users: UserService;
  deeds: DeedService;
  deedItems: DeedItemService;
  deedItemMoves: ItemMoveService;
  scales: ScaleService;
  auth: AuthService;
  dataExport: DataExportService;
  /** SMTP or the file outbox (config.smtpUrl); reminders send through it too. */
  mailer: Mailer;
  relations: RelationService;
  permissions: PermissionService;
  entryReads: EntryReadService;
  entryWrites: EntryWriteService;
  /** After-commit hook of entry writes (dashboard cache, subscriptions). */
  entryEvents: EntryEvents;
  reflections: ReflectionService;
  support: SupportService;
  reminders: ReminderService;
  audit: AuditEventService;
  /** Subscription event streams, and the publishers that feed them after commits. */
  subscriptions: SubscriptionService;
  merits: MeritService;
  targets: TargetService;
  /** After-commit hook of goal completion (`meritCompleted` subscriptions). */
  goalEvents: GoalEvents;
  dashboards: DashboardService;
  /** Drops owners' cached dashboards; writers call it after their transactions commit. */
  dashboardCache: DashboardCache;
}

export function createServices(deps: ServiceDependencies): Services {
  const mailer = createMailer(deps.config);
  const entryEvents = new EntryEvents(deps.logger);
  const subscriptions = new SubscriptionService(deps.prisma, deps.events);
  entryEvents.on((committed) => subscriptions.publishEntryChanges(committed));
  const goalEvents = new GoalEvents(deps.logger);
  goalEvents.onMeritCompleted((merit) => subscriptions.publishMeritCompleted(merit));
  const dashboardCache = new DashboardCache(deps.cache, deps.logger);
  dashboardCache.listenTo(entryEvents);
  return {
    users: new UserService(deps.prisma, dashboardCache),
    deeds: new DeedService(deps.prisma, dashboardCache),
    deedItems: new DeedItemService(deps.prisma, dashboardCache),
    deedItemMoves: new ItemMoveService(deps.prisma, dashboardCache),
    scales: new ScaleService(deps.prisma),
    auth: new AuthService({ prisma: deps.prisma, jwtKey: deps.jwtKey, mailer, logger: deps.logger }),
    dataExport: new DataExportService(deps.prisma),
    mailer,
    relations: new RelationService(deps.prisma, dashboardCache),
    permissions: new PermissionService(deps.prisma, dashboardCache),
    entryReads: new EntryReadService(deps.prisma),
    entryWrites: new EntryWriteService(deps.prisma, entryEvents, goalEvents),
    entryEvents,
    reflections: new ReflectionService(deps.prisma),
    support: new SupportService(deps.prisma),
    reminders: new ReminderService(deps.prisma),
    audit: new AuditEventService(deps.prisma),
    subscriptions,
    merits: new MeritService(deps.prisma, goalEvents),
    targets: new TargetService(deps.prisma),
    goalEvents,
    dashboards: new DashboardService(deps.prisma, dashboardCache),
    dashboardCache,
  };
}
