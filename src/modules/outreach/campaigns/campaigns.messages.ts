// Messages of outreach (campaigns, trainings, recognition): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "campaigns.title": "Chiến dịch cao điểm",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "campaigns.title": "Campaigns",
};
