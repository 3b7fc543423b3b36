// Messages of registry (enter once: account links, the citizen's household, assisted filing from the registry).
export const messagesVi = {
  "links.title": "Liên kết tài khoản với sổ hộ",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "links.title": "Account and registry link",
};
