import { useLocation, useNavigate, useNavigation } from 'react-router';

/**
 * "Try again" for a route's error boundary: a navigation to the same place, which runs the
 * loaders again. Not `useRevalidator().revalidate()`: the router's boundary keeps the error it
 * caught until it sees a new location, or sees a revalidation go from "loading" back to "idle".
 * The router hands React both states in transitions, and when the loaders answer before React
 * has rendered the "loading" one (a busy machine, a quick answer), React renders only "idle":
 * the loader succeeded, yet the first error stays on screen. A new location always clears it.
 *
 * The #fragment is left out: a navigation that keeps the same one counts as a jump within the
 * page and runs no loader.
 */
export function useRouteRetry() {
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  return {
    retry: () =>
      navigate(
        { pathname: location.pathname, search: location.search },
        { replace: true, state: location.state as unknown, preventScrollReset: true },
      ),
    retrying: navigation.state !== 'idle',
  };
}
