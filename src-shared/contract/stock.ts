// stock.*: method table (to be filled in).
export const stockMethods = {};
