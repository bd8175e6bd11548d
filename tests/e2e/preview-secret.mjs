// The preview secret the end-to-end server is started with (playwright.config.ts) and the tests use.
export const PREVIEW_SECRET = 'e2e-preview-secret-not-for-production';
