// Row ids are PostgreSQL uuids: an id from a URL or a form that is not one is simply not found (never a 500
// from a failed cast).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: string): boolean => UUID.test(s);
