// Where enter once lives: for the registry's own pages (a resident's page links here) and, through the index, others.
export const MY_HOUSEHOLD_PATH = "/me/household";
/** A resident's account link: its status, and the confirm / reject form for an officer who manages the household. */
export const residentLinkPath = (residentId: string) => `/office/registry/residents/${residentId}/link`;
/** Filing a dossier for a resident: the procedure picker, then the assisted form pre-filled from the registry. */
export const residentAssistPath = (residentId: string) => `/office/registry/residents/${residentId}/assist`;
