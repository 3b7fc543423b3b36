// Messages of the dossiers module's office pages: Vietnamese first; English must have every key.
export const messagesVi = {
} as const;

export const messagesEn: Record<keyof typeof messagesVi, string> = {
};
