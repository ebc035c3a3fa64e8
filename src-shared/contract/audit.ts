// audit.*: method table (to be filled in).
export const auditMethods = {};
