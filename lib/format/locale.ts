/**
 * The locale every date, number and plural in Waymark is written in. The interface is in
 * English, so its dates and plurals follow the words around them; it is one constant (the
 * same on the server and in every browser) so a server-rendered page and the same page after
 * hydration never disagree, and so a conflict message reads the same on every replica.
 * Every formatter in lib/format takes a `locale` to override it (tests, a future translation).
 */
export const APP_LOCALE = "en";
