// Shared test setup. DOM tests opt in with `// @vitest-environment happy-dom`.
export {};
