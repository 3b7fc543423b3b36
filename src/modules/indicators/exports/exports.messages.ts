// Messages of indicators' exports part. Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {} as const;
type Messages = Record<keyof typeof messagesVi, string>;

declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {};
