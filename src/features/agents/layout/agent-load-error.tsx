import { Button, Container } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, isRouteErrorResponse, useLocation, useNavigate, useRouteError } from 'react-router';
import { errorMessage, isApiError } from '@/api/api-error';
import { agentKeys } from '@/api/keys';
import { PageError } from '@/components/page-error';
import { usePageTitle } from '@/components/use-page-title';

export interface AgentLoadErrorProps {
  /** The `:agentId` of the URL, as typed. */
  agentIdParam: string | undefined;
  /** Below "not found": what was typed for the agent and never saved, if anything. */
  unsaved?: ReactNode;
}

/** The agent route's error boundary: "not found" for a 404, otherwise the reason and a retry. */
export function AgentLoadError({ agentIdParam, unsaved }: AgentLoadErrorProps) {
  const error = useRouteError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [retrying, setRetrying] = useState(false);
  const agentId = Number(agentIdParam);
  const label = agentIdParam ?? '';

  const notFound =
    (isRouteErrorResponse(error) && error.status === 404) || (isApiError(error) && error.status === 404);
  const forbidden = isApiError(error) && error.status === 403;
  const title = notFound
    ? `Agent ${label} was not found`
    : forbidden
      ? `You cannot open agent ${label}`
      : `Agent ${label} could not be loaded`;
  usePageTitle(title);
  if (notFound) {
    return (
      <Container size="md">
        <PageError
          kind="missing"
          headingOrder={1}
          title={title}
          message="It may have been deleted, or the link is mistyped."
        >
          <Button component={Link} to="/agents">
            Back to agents
          </Button>
        </PageError>
        {unsaved}
      </Container>
    );
  }

  const retry = async () => {
    setRetrying(true);
    if (Number.isSafeInteger(agentId)) await queryClient.resetQueries({ queryKey: agentKeys.agent(agentId) });
    // A navigation to the same place clears the route's error and renders the agent again.
    await navigate(location, { replace: true });
    setRetrying(false);
  };

  return (
    <Container size="md">
      <PageError
        title={title}
        message={errorMessage(error)}
        onRetry={forbidden ? undefined : retry}
        retrying={retrying}
        headingOrder={1}
      >
        <Button component={Link} to="/agents" variant="default">
          Back to agents
        </Button>
      </PageError>
    </Container>
  );
}
