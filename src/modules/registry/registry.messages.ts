// Messages of registry (households, residents, moves, account links, search): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "registry.title": "Sổ hộ gia đình",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "registry.title": "Household registry",
};
