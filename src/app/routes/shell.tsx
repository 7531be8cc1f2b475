import { Outlet } from 'react-router';

// Placeholder route module: replaced by the app shell.
export function Component() {
  return <Outlet />;
}
