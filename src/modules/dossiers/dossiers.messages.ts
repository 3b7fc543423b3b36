// Messages of the dossiers module: Vietnamese first; English must have every key (the type checks it).
export const messagesVi = {
} as const;

export const messagesEn: Record<keyof typeof messagesVi, string> = {
};
