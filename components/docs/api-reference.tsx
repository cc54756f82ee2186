"use client";

import { useEffect, useRef, useState } from "react";
import "./swagger-overrides.css";

/** The part of Swagger UI's global the page uses (swagger-ui-bundle.js sets `window.SwaggerUIBundle`). */
type SwaggerUIBundle = (options: Record<string, unknown>) => unknown;

const ASSETS = "/swagger-ui";

/** Adds a script or stylesheet once; resolves when it has loaded. */
function loadOnce(kind: "script" | "style", url: string): Promise<void> {
  const id = `asset-${url}`;
  const existing = document.getElementById(id);
  if (existing?.dataset.loaded === "true") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const el = existing ?? document.createElement(kind === "script" ? "script" : "link");
    el.addEventListener("load", () => {
      el.dataset.loaded = "true";
      resolve();
    });
    el.addEventListener("error", () => reject(new Error(`could not load ${url}`)));
    if (existing) return;
    el.id = id;
    if (el instanceof HTMLScriptElement) el.src = url;
    else if (el instanceof HTMLLinkElement) Object.assign(el, { rel: "stylesheet", href: url });
    document.head.append(el);
  });
}

/**
 * Swagger UI leaves its server picker without a name; a screen reader would announce "combo box".
 * It renders later than the call that creates it, and again on changes: so watch for it.
 */
function labelControls(root: HTMLElement): MutationObserver {
  const name = () => root.querySelector("select#servers:not([aria-label])")?.setAttribute("aria-label", "Server");
  name();
  const observer = new MutationObserver(name);
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}

/**
 * Swagger UI from its prebuilt bundle (see app/swagger-ui/[file]/route.ts). The page's nonce CSP
 * trusts it through 'strict-dynamic': this component, loaded with the nonce, inserts the script.
 * "Try it out" calls the API with the signed-in session's cookie, or with a token given to Authorize.
 */
export function ApiReference() {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    let observer: MutationObserver | undefined;
    Promise.all([loadOnce("style", `${ASSETS}/swagger-ui.css`), loadOnce("script", `${ASSETS}/swagger-ui-bundle.js`)])
      .then(() => {
        const bundle = (window as unknown as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
        if (cancelled || !host.current || !bundle) return;
        bundle({
          url: "/api/v1/openapi.json",
          domNode: host.current,
          docExpansion: "list",
          // With deep links each operation's path is a link inside its expand button, which
          // assistive technology cannot reach (a control nested in a control).
          deepLinking: false,
          defaultModelsExpandDepth: 0,
          // No request to the public validator (this page reaches nothing but Eris).
          validatorUrl: null,
        });
        observer = labelControls(host.current);
        setState("ready");
      })
      .catch(() => !cancelled && setState("failed"));
    return () => {
      cancelled = true;
      observer?.disconnect();
    };
  }, []);

  return (
    <>
      {state === "loading" && <p className="p-8 text-sm text-slate-600">Loading the API reference…</p>}
      {state === "failed" && (
        <p role="alert" className="p-8 text-sm text-red-700">
          The API reference could not be loaded. The OpenAPI document is at{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
      )}
      <div ref={host} id="api-reference" data-testid="api-reference" />
    </>
  );
}
