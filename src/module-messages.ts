// Every module's texts, registered with the i18n platform at composition (the platform imports no module).
// The server, the CLI and the test harness call registerModuleMessages() once before anything is said.
import { messagesEn as calendarCalendarEn, messagesVi as calendarCalendarVi } from "./modules/calendar/calendar.messages.ts";
import { messagesEn as citizensCitizensEn, messagesVi as citizensCitizensVi } from "./modules/citizens/citizens.messages.ts";
import { messagesEn as dossierStatsDossierStatsEn, messagesVi as dossierStatsDossierStatsVi } from "./modules/dossier-stats/dossier-stats.messages.ts";
import { messagesEn as dossiersDossiersCitizenEn, messagesVi as dossiersDossiersCitizenVi } from "./modules/dossiers/dossiers.citizen.messages.ts";
import { messagesEn as dossiersDossiersEn, messagesVi as dossiersDossiersVi } from "./modules/dossiers/dossiers.messages.ts";
import { messagesEn as dossiersDossiersOfficeEn, messagesVi as dossiersDossiersOfficeVi } from "./modules/dossiers/dossiers.office.messages.ts";
import { messagesEn as dossiersDossiersWorkEn, messagesVi as dossiersDossiersWorkVi } from "./modules/dossiers/dossiers.work.messages.ts";
import { messagesEn as dossiersFormsFormsEn, messagesVi as dossiersFormsFormsVi } from "./modules/dossiers/forms/forms.messages.ts";
import { messagesEn as identityIdentityEn, messagesVi as identityIdentityVi } from "./modules/identity/identity.messages.ts";
import { messagesEn as notificationsNotificationsEn, messagesVi as notificationsNotificationsVi } from "./modules/notifications/notifications.messages.ts";
import { messagesEn as paymentsPaymentsEn, messagesVi as paymentsPaymentsVi } from "./modules/payments/payments.messages.ts";
import { messagesEn as proceduresProceduresEn, messagesVi as proceduresProceduresVi } from "./modules/procedures/procedures.messages.ts";
import { messagesEn as registryRegistryEn, messagesVi as registryRegistryVi } from "./modules/registry/registry.messages.ts";
import { messagesEn as registryImportEn, messagesVi as registryImportVi } from "./modules/registry/import/import.messages.ts";
import { messagesEn as registryLinksEn, messagesVi as registryLinksVi } from "./modules/registry/links/links.messages.ts";
import { messagesEn as registryTeamsEn, messagesVi as registryTeamsVi } from "./modules/registry/teams/teams.messages.ts";
import { messagesEn as registryFieldEditsEn, messagesVi as registryFieldEditsVi } from "./modules/registry/field-edits.messages.ts";
import { messagesEn as outreachCoverageEn, messagesVi as outreachCoverageVi } from "./modules/outreach/coverage/coverage.messages.ts";
import { messagesEn as outreachSyncEn, messagesVi as outreachSyncVi } from "./modules/outreach/sync/sync.messages.ts";
import { messagesEn as outreachFieldEn, messagesVi as outreachFieldVi } from "./modules/outreach/field/field.messages.ts";
import { messagesEn as outreachCampaignsEn, messagesVi as outreachCampaignsVi } from "./modules/outreach/campaigns/campaigns.messages.ts";
import { messagesEn as reportsReportingEn, messagesVi as reportsReportingVi } from "./modules/reports/reporting/reporting.messages.ts";
import { messagesEn as reportsPhotosEn, messagesVi as reportsPhotosVi } from "./modules/reports/photos/photos.messages.ts";
import { messagesEn as reportsHandlingEn, messagesVi as reportsHandlingVi } from "./modules/reports/handling/handling.messages.ts";
import { messagesEn as reportsDeskEn, messagesVi as reportsDeskVi } from "./modules/reports/desk/desk.messages.ts";
import { messagesEn as reportsCategoriesEn, messagesVi as reportsCategoriesVi } from "./modules/reports/categories/categories.messages.ts";
import { messagesEn as reportsFiguresEn, messagesVi as reportsFiguresVi } from "./modules/reports/figures/figures.messages.ts";
import { messagesEn as reportsPublicEn, messagesVi as reportsPublicVi } from "./modules/reports/public/public.messages.ts";
import { messagesEn as reportsOpen311En, messagesVi as reportsOpen311Vi } from "./modules/reports/open311/open311.messages.ts";
import { registerMessages } from "./platform/i18n/i18n.ts";
import { messagesEn as noticesAuthoringEn, messagesVi as noticesAuthoringVi } from "./modules/notices/authoring/authoring.messages.ts";
import { messagesEn as noticesAudiencesEn, messagesVi as noticesAudiencesVi } from "./modules/notices/audiences/audiences.messages.ts";
import { messagesEn as noticesChannelsEn, messagesVi as noticesChannelsVi } from "./modules/notices/channels/channels.messages.ts";
import { messagesEn as noticesPublicEn, messagesVi as noticesPublicVi } from "./modules/notices/public/public.messages.ts";
import { messagesEn as noticesLoudspeakersEn, messagesVi as noticesLoudspeakersVi } from "./modules/notices/loudspeakers/loudspeakers.messages.ts";
import { messagesEn as noticesPreferencesEn, messagesVi as noticesPreferencesVi } from "./modules/notices/preferences/preferences.messages.ts";
import { messagesEn as hallQueueEn, messagesVi as hallQueueVi } from "./modules/hall/queue/queue.messages.ts";
import { messagesEn as hallScreenEn, messagesVi as hallScreenVi } from "./modules/hall/screen/screen.messages.ts";
import { messagesEn as indicatorsIndicatorsEn, messagesVi as indicatorsIndicatorsVi } from "./modules/indicators/indicators.messages.ts";
import { messagesEn as indicatorsElementsEn, messagesVi as indicatorsElementsVi } from "./modules/indicators/elements/elements.messages.ts";
import { messagesEn as indicatorsSetsEn, messagesVi as indicatorsSetsVi } from "./modules/indicators/sets/sets.messages.ts";
import { messagesEn as indicatorsEntryEn, messagesVi as indicatorsEntryVi } from "./modules/indicators/entry/entry.messages.ts";
import { messagesEn as indicatorsDashboardsEn, messagesVi as indicatorsDashboardsVi } from "./modules/indicators/dashboards/dashboards.messages.ts";
import { messagesEn as indicatorsExportsEn, messagesVi as indicatorsExportsVi } from "./modules/indicators/exports/exports.messages.ts";

const MODULE_MESSAGES = [
  { vi: calendarCalendarVi, en: calendarCalendarEn },
  { vi: citizensCitizensVi, en: citizensCitizensEn },
  { vi: dossierStatsDossierStatsVi, en: dossierStatsDossierStatsEn },
  { vi: dossiersDossiersCitizenVi, en: dossiersDossiersCitizenEn },
  { vi: dossiersDossiersVi, en: dossiersDossiersEn },
  { vi: dossiersDossiersOfficeVi, en: dossiersDossiersOfficeEn },
  { vi: dossiersDossiersWorkVi, en: dossiersDossiersWorkEn },
  { vi: dossiersFormsFormsVi, en: dossiersFormsFormsEn },
  { vi: identityIdentityVi, en: identityIdentityEn },
  { vi: notificationsNotificationsVi, en: notificationsNotificationsEn },
  { vi: paymentsPaymentsVi, en: paymentsPaymentsEn },
  { vi: proceduresProceduresVi, en: proceduresProceduresEn },
  { vi: registryRegistryVi, en: registryRegistryEn },
  { vi: registryImportVi, en: registryImportEn },
  { vi: registryTeamsVi, en: registryTeamsEn },
  { vi: registryLinksVi, en: registryLinksEn },
  { vi: registryFieldEditsVi, en: registryFieldEditsEn },
  { vi: outreachCoverageVi, en: outreachCoverageEn },
  { vi: outreachSyncVi, en: outreachSyncEn },
  { vi: outreachFieldVi, en: outreachFieldEn },
  { vi: outreachCampaignsVi, en: outreachCampaignsEn },
  { vi: reportsReportingVi, en: reportsReportingEn },
  { vi: reportsPhotosVi, en: reportsPhotosEn },
  { vi: reportsHandlingVi, en: reportsHandlingEn },
  { vi: reportsDeskVi, en: reportsDeskEn },
  { vi: reportsCategoriesVi, en: reportsCategoriesEn },
  { vi: reportsFiguresVi, en: reportsFiguresEn },
  { vi: reportsPublicVi, en: reportsPublicEn },
  { vi: reportsOpen311Vi, en: reportsOpen311En },
  { vi: noticesAuthoringVi, en: noticesAuthoringEn },
  { vi: noticesAudiencesVi, en: noticesAudiencesEn },
  { vi: noticesChannelsVi, en: noticesChannelsEn },
  { vi: noticesPublicVi, en: noticesPublicEn },
  { vi: noticesLoudspeakersVi, en: noticesLoudspeakersEn },
  { vi: noticesPreferencesVi, en: noticesPreferencesEn },
  { vi: hallQueueVi, en: hallQueueEn },
  { vi: hallScreenVi, en: hallScreenEn },
  { vi: indicatorsIndicatorsVi, en: indicatorsIndicatorsEn },
  { vi: indicatorsElementsVi, en: indicatorsElementsEn },
  { vi: indicatorsSetsVi, en: indicatorsSetsEn },
  { vi: indicatorsEntryVi, en: indicatorsEntryEn },
  { vi: indicatorsDashboardsVi, en: indicatorsDashboardsEn },
  { vi: indicatorsExportsVi, en: indicatorsExportsEn },
] as const;

/** Idempotent: registering the same texts again changes nothing (the registry refuses only a conflicting text). */
export function registerModuleMessages(): void {
  for (const cat of MODULE_MESSAGES) registerMessages(cat.vi, cat.en);
}
