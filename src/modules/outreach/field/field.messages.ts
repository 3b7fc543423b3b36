// Messages of outreach (the offline field app (PWA)): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "field.title": "Ứng dụng Tổ công nghệ số",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "field.title": "Digital team app",
};
