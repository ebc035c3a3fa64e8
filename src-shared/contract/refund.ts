// refund.*: method table (to be filled in).
export const refundMethods = {};
