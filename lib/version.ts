import pkg from "@/package.json" with { type: "json" };

/** Version and build facts for /api/v1/info; the build id is written by `next build`. */
export function buildInfo() {
  return {
    version: pkg.version,
    platform: { TOKEN_URL: "", AUTHORIZE_URL: "" },
    name: "Eris",
    api: "v1",
    kallisti_compatible: true,
    build: {
      commit: process.env.ERIS_BUILD_COMMIT ?? null,
      built_at: process.env.ERIS_BUILT_AT ?? null,
      node: process.version,
    },
  };
}
