// Messages of notices' channels part: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
  "notices.channels.title": "Kênh gửi",
  "notices.channels.error.noSmsText": "Thông báo chưa có nội dung tin nhắn SMS.",
} as const;
type Messages = Record<keyof typeof messagesVi, string>;

declare module "../../../platform/i18n/i18n.ts" {
  interface MessageCatalogue extends Messages {}
}

export const messagesEn: Messages = {
  "notices.channels.title": "Channels",
  "notices.channels.error.noSmsText": "The notice has no SMS text.",
};
