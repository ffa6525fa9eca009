import Medusa from "@medusajs/js-sdk"

/**
 * The backend URL. In a plugin the admin bundler defines `__BACKEND_URL__`
 * (`import.meta.env.VITE_*` variables are not passed to plugins, and
 * `import.meta` does not type-check under the root tsconfig's CommonJS
 * output). Empty or undefined means "same origin as the dashboard".
 */
const backendUrl =
  (typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__) || "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: "session" },
})
