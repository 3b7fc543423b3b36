// Roles are always granted on an admin unit and reach every unit below it.
export const ROLES = [
  "system_admin",
  "province_admin",
  "commune_admin",
  "one_stop_officer",
  "specialist",
  "leader",
  "team_leader",
  "volunteer",
  "citizen",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** See the officer pages of a unit (users list, audit, ...). */
  "office.access": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer"],
  "village.manage": ["system_admin", "province_admin", "commune_admin"],
  "user.read": ["system_admin", "province_admin", "commune_admin"],
  "user.manage": ["system_admin", "province_admin", "commune_admin"],
  "audit.read": ["system_admin", "province_admin", "commune_admin"],
  "adminUnit.import": ["system_admin"],
  /** Edit the procedure catalogue and the working-day calendar (province-wide data). */
  "procedure.manage": ["system_admin", "province_admin"],
  "calendar.manage": ["system_admin", "province_admin"],
  /** A commune's desk settings: agency code for dossier codes, bank account for VietQR. */
  "commune.settings": ["system_admin", "province_admin", "commune_admin"],
  /** See a unit's dossiers in the office face. */
  "dossier.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** One-stop desk: receive, request supplements, refuse before receipt, take walk-ins, return results, confirm payments. */
  "dossier.receive": ["one_stop_officer"],
  /** Specialist: review, forward to another agency, propose a decision. */
  "dossier.process": ["specialist"],
  /** Leader: assign, approve or send back, pause and resume, refuse after receipt, apologise for lateness. */
  "dossier.approve": ["leader"],
  /** File a dossier for a citizen who asked for help (their consent is recorded). */
  "dossier.assist": ["one_stop_officer", "team_leader", "volunteer"],
  /**
   * Record that the officer checked a citizen's ID card (CCCD) in person: the number read from the card becomes
   * their account's verified ID number. Those who see cards at a commune's desk.
   */
  "citizen.verifyId": ["commune_admin", "one_stop_officer"],
  /** Figures computed from dossiers. */
  "stats.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** The household registry of a unit, every household in it (officers of the commune and above). */
  "registry.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** The households assigned to the holder (a volunteer) or to the teams they lead (a team leader): see household-access.ts. */
  "registry.readAssigned": ["team_leader", "volunteer"],
  /** Add, edit and move households and residents; import and export the registry. */
  "registry.manage": ["system_admin", "province_admin", "commune_admin", "one_stop_officer"],
  /** Edit an assigned household in the field and add households found on the way (checked against assignments). */
  "registry.fieldEdit": ["team_leader", "volunteer"],
  /** Create teams, name leaders and members. */
  "team.manage": ["system_admin", "province_admin", "commune_admin"],
  /** Assign households to teams and members (a team leader: within their own team). */
  "team.assign": ["system_admin", "province_admin", "commune_admin", "team_leader"],
  /** Record visits and confirm skills (through the field app or the office). */
  "outreach.record": ["team_leader", "volunteer"],
  /** Settle sync conflicts between two field edits. */
  "outreach.settle": ["commune_admin", "team_leader"],
  /** Coverage, gap lists, campaign progress and recognition. */
  "coverage.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader"],
  /** The province's skill checklist. */
  "skills.manage": ["system_admin", "province_admin"],
  /** Campaigns with targets. */
  "campaign.manage": ["system_admin", "province_admin", "commune_admin"],
  /** Training sessions and their attendance. */
  "training.manage": ["system_admin", "province_admin", "commune_admin", "team_leader"],
  /** Citizen reports of a unit in the office face (every report, its reporter's contact, its photos as received). */
  "report.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** Accept, reject, assign, work on, forward and answer citizen reports. */
  "report.handle": ["commune_admin", "one_stop_officer", "specialist", "leader"],
  /** Hide a report or a photo from the public page, with a reason (audited). */
  "report.moderate": ["system_admin", "province_admin", "commune_admin", "leader"],
  /** Report categories: the province's defaults (granted on the province) or a commune's own (on the commune). */
  "report.categories": ["system_admin", "province_admin", "commune_admin"],
  /** Record a report heard in person or at a village meeting, for a resident who consented. */
  "report.assist": ["one_stop_officer", "specialist", "team_leader", "volunteer"],
  /** Register Open311 clients and their api keys. */
  "open311.manage": ["system_admin", "province_admin", "commune_admin"],
  /** Notices to residents of a unit in the office face: the list, a notice, its delivery report. */
  "notice.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader", "team_leader"],
  /** Write and edit draft notices, send them for review, withdraw one's own. */
  "notice.draft": ["province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** Approve (or send back) a notice in review; withdraw a published notice with a correction. */
  "notice.approve": ["province_admin", "commune_admin", "leader"],
  /** Publish an emergency notice without review (flagged in the audit). */
  "notice.emergency": ["province_admin", "commune_admin", "leader"],
  /** Channel settings of a unit: Zalo account, SMS daily cap, loudspeaker stations and their keys. */
  "notice.channels": ["system_admin", "province_admin", "commune_admin"],
  /** The village loudspeakers' weekly schedules, audio and play log. */
  "broadcast.manage": ["province_admin", "commune_admin", "leader", "specialist"],
  /** Record a resident's channels and categories at the desk or in the field, with their consent. */
  "notice.preferences": ["commune_admin", "one_stop_officer", "team_leader", "volunteer"],
  /** The commune hall's services, counters, kiosk and screens. */
  "hall.manage": ["system_admin", "province_admin", "commune_admin"],
  /** Sit at a counter: call, serve and close queue tickets, link them to dossiers. */
  "hall.serve": ["commune_admin", "one_stop_officer", "specialist"],
  /** The hall's figures: waiting and service times per counter and procedure. */
  "hall.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** The indicators of a unit: dashboards, drill-down to villages and records, exports. */
  "indicator.read": ["system_admin", "province_admin", "commune_admin", "one_stop_officer", "specialist", "leader"],
  /** Enter a unit's manual values with their evidence and submit them for review. */
  "indicator.enter": ["commune_admin", "leader", "specialist"],
  /** Approve or return the manual values of the communes under a province. */
  "indicator.review": ["province_admin"],
  /** Indicator sets (import, edit, versions), targets and thresholds; scheduled reports. */
  "indicator.manage": ["system_admin", "province_admin"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** Which roles a holder of a role may grant (on units inside its own scope). */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  system_admin: ROLES,
  province_admin: ROLES.filter((r) => r !== "system_admin"),
  commune_admin: ["commune_admin", "one_stop_officer", "specialist", "leader", "team_leader", "volunteer", "citizen"],
  one_stop_officer: [],
  specialist: [],
  leader: [],
  team_leader: ["volunteer"],
  volunteer: [],
  citizen: [],
};

/** The lowest level each role may be granted at: a province admin sits on a province, and so on. */
export const ROLE_LEVELS: Record<Role, readonly string[]> = {
  system_admin: ["province"],
  province_admin: ["province"],
  commune_admin: ["commune"],
  one_stop_officer: ["province", "commune"],
  specialist: ["province", "commune"],
  leader: ["province", "commune"],
  team_leader: ["commune", "village"],
  volunteer: ["commune", "village"],
  citizen: ["province", "commune", "village"],
};
