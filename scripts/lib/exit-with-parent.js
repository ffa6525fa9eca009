/**
 * Preloaded (`node -r`) into the Medusa processes that scripts/lib/medusa-server.js
 * starts: when the process that started them is gone (a test runner killed by
 * a timeout, a Ctrl-C'd bench), they exit too instead of holding a port and
 * database connections forever. The parent's pid comes in TRADE_CREDIT_PARENT_PID.
 */
const parentPid = Number(process.env.TRADE_CREDIT_PARENT_PID)
if (parentPid > 1) {
  require("./process").watchParent(parentPid)
}
