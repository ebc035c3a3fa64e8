// catalog.*: method table (to be filled in).
export const catalogMethods = {};
