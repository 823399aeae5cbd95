/**
 * Origin of updates and presence from other instances (or repaired from storage): another
 * instance committed them before publishing, so they are broadcast here but never stored again
 * or published back.
 */
export const REMOTE_ORIGIN = Symbol("remote");
