/**
 * Globals the admin bundler defines for customizations, plugins included
 * (Medusa docs: "Environment Variables in Admin Customizations").
 */
declare const __BACKEND_URL__: string | undefined
