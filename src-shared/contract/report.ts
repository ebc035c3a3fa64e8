// report.*: method table (to be filled in).
export const reportMethods = {};
