// Messages of outreach (skills checklist, coverage, gap list): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "coverage.title": "Mức độ phổ cập kỹ năng số",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "coverage.title": "Digital skills coverage",
};
