// Messages of notices' loudspeakers part: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "notices.loudspeakers.title": "loudspeakers",
} as const;
type Messages = Record<keyof typeof messagesVi, string>;

declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "notices.loudspeakers.title": "loudspeakers",
};
