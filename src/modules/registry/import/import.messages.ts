// Messages of registry (XLSX/CSV import and export): Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "registryImport.title": "Nhập danh sách hộ",
};

type Messages = { [K in keyof typeof messagesVi]: string };
declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "registryImport.title": "Import households",
};
