// Messages of registry (teams, members, assignments): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "teams.title": "Tổ công nghệ số cộng đồng",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "teams.title": "Community digital teams",
};
