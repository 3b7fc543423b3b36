// Every address of the hall module in one place. Commune codes are 5 digits: routes match `:commune{[0-9]{5}}`.
export const hallPaths = {
  /** The touch-screen kiosk at the hall: choose a service, take a number, print it. */
  kiosk: (commune: string) => `/hall/${commune}/kiosk`,
  /** The big screen (TV) at the hall; events: its server-sent events stream. */
  screen: (commune: string) => `/hall/${commune}/screen`,
  screenEvents: (commune: string) => `/hall/${commune}/screen/events`,
  /** Book a time slot online. */
  book: (commune: string) => `/hall/${commune}/book`,
  /** A ticket's own page (position in the queue), printable. */
  ticket: (id: string) => `/hall/t/${id}`,
  /** A counter's officer: call next, recall, serve, done, no-show, link a dossier. */
  counter: "/office/hall/counter",
  settings: "/office/hall/settings",
  // hall/queue: the kiosk's ticket (printed), a kiosk device's one-time setup link, the settings' forms.
  kioskTicket: (commune: string, id: string) => `/hall/${commune}/kiosk/t/${id}`,
  kioskSetup: (token: string) => `/hall/kiosk-setup/${token}`,
  settingsService: "/office/hall/settings/service",
  settingsCounter: "/office/hall/settings/counter",
  settingsKiosk: "/office/hall/settings/kiosk",
  counterAction: "/office/hall/counter/action",
  figures: "/office/hall/figures",
} as const;
