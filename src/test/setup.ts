// Shared test setup. DOM tests opt in with `// @vitest-environment happy-dom`.
import { configure } from '@testing-library/react';

// findBy*/waitFor give up after 1 s by default; on a busy 2-core CI machine a screen that is
// right can take longer than that to settle, so wait longer before calling it wrong.
configure({ asyncUtilTimeout: 5_000 });
