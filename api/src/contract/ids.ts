/**
 * An Entra object or tenant id as the API accepts it in a path or a token, and as the tab
 * recognises it in a deep link: a GUID in either case.
 */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
