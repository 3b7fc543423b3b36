// Labels of the printable one-stop forms (Circular 03/2025 Annex I): Vietnamese first.
export const messagesVi = {
} as const;

export const messagesEn: Record<keyof typeof messagesVi, string> = {
};
