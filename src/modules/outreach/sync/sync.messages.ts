// Messages of outreach (visits, field sync, conflicts): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "sync.title": "Đồng bộ dữ liệu hiện trường",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "sync.title": "Field sync",
};
