/** The pages' stylesheet and script, built by esbuild: in memory locally, into the bundle for Lambda. */
export type WebAsset = { body: string; type: string };
export type WebAssets = {
  /** Changes with the files' content: the pages ask for `app.js?v=<version>`, so caches can keep them. */
  version: string;
  files: ReadonlyMap<string, WebAsset>;
};

export const ASSET_TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
