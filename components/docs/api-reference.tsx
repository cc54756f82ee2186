"use client";

import dynamic from "next/dynamic";
import "swagger-ui-react/swagger-ui.css";

// Swagger UI touches `window`; render it in the browser only.
const SwaggerUI = dynamic(() => import("swagger-ui-react"), {
  ssr: false,
  loading: () => <p className="p-8 text-sm text-slate-500">Loading the API reference…</p>,
});

export function ApiReference() {
  return <SwaggerUI url="/api/v1/openapi.json" docExpansion="list" tryItOutEnabled />;
}
