import { Button, Container } from '@mantine/core';
import { useRouteError } from 'react-router';
import { errorMessage } from '@/api/api-error';
import { PageError } from '@/components/page-error';

/** The list route's error boundary: data failures are handled on the page; this is for the rest. */
export function AgentListError() {
  const error = useRouteError();
  return (
    <Container size="md">
      <PageError title="The agent list could not be shown" message={errorMessage(error)}>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </PageError>
    </Container>
  );
}
