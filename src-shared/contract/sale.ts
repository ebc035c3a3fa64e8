// sale.*: method table (to be filled in).
export const saleMethods = {};
