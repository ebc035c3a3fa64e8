// drawer.*: method table (to be filled in).
export const drawerMethods = {};
