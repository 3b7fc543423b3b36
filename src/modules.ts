// The module list of the composition root: which modules this XãSố has, in mounting order.
// app.ts mounts their API routes and pages; module-messages.ts registers their texts.
import { adminUnitsModule } from "./modules/admin-units/mount.ts";
import { calendarModule } from "./modules/calendar/mount.ts";
import { citizensModule } from "./modules/citizens/mount.ts";
import { dossierStatsModule } from "./modules/dossier-stats/mount.ts";
import { dossiersModule } from "./modules/dossiers/mount.ts";
import { hallModule, hallSmsKeywords } from "./modules/hall/mount.ts";
import { indicatorsModule } from "./modules/indicators/mount.ts";
import { identityModule } from "./modules/identity/mount.ts";
import type { OidcClient } from "./modules/identity/oidc-client.ts";
import { noticesModule } from "./modules/notices/mount.ts";
import { notificationsModule } from "./modules/notifications/mount.ts";
import { citizenPaymentPanel, officePaymentPanel, paymentsModule } from "./modules/payments/mount.ts";
import { householdOutreachPanel, outreachModule, residentOutreachPanel } from "./modules/outreach/mount.ts";
import { proceduresModule } from "./modules/procedures/mount.ts";
import { registryModule } from "./modules/registry/mount.ts";
import { reportsModule } from "./modules/reports/mount.ts";
import type { ModuleMount } from "./platform/http/module-mount.ts";

export function moduleMounts(opts: { oidc: OidcClient | null }): ModuleMount[] {
  return [
    adminUnitsModule,
    identityModule(opts.oidc),
    citizensModule,
    calendarModule,
    proceduresModule,
    dossierStatsModule,
    dossiersModule({ citizenPaymentPanel, officePaymentPanel }),
    paymentsModule,
    notificationsModule,
    registryModule({ residentPanel: residentOutreachPanel, householdPanel: householdOutreachPanel }),
    outreachModule,
    reportsModule,
    noticesModule({ smsKeywords: hallSmsKeywords }),
    hallModule,
    indicatorsModule,
  ];
}
