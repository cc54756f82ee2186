import { notFound } from "@/lib/api/errors";
import { defineRoute, open } from "@/lib/api/route";

// Any other path under the API answers a JSON 404, never Next's HTML page.
const missing = () => {
  throw notFound();
};
export const { GET, POST, PUT, PATCH, DELETE } = defineRoute({
  GET: open(missing),
  POST: open(missing),
  PUT: open(missing),
  PATCH: open(missing),
  DELETE: open(missing),
});
