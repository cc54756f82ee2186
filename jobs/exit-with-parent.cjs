// Preloaded into the web server by the supervisor: when the supervisor is gone (even killed with
// SIGKILL) the IPC channel closes, and the web server stops instead of running on as an orphan.
process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
