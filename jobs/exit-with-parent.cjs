// Preloaded into the web server by the supervisor: when the supervisor is gone (even killed with
// SIGKILL) the IPC channel closes, and the web server stops instead of running on as an orphan.
process.on("disconnect", () => process.kill(process.pid, "SIGTERM"));
// With JSON logs the web server's output goes through the supervisor: once it is gone, writes fail
// with EPIPE, which must not crash the shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});
