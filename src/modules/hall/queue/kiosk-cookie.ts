// The registered kiosk's key lives in this cookie on the device (set by the one-time setup link).
export const KIOSK_COOKIE = "xaso_kiosk";
/** Five years: a kiosk is set up once. */
export const KIOSK_COOKIE_MAX_AGE = 5 * 365 * 86_400;
