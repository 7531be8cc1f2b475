import { Button, Container } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageError } from '@/components/page-error';
import { usePageTitle } from '@/components/use-page-title';

export function Component() {
  const { pathname } = useLocation();
  usePageTitle('Page not found');
  return (
    <Container size="md">
      <PageError
        kind="missing"
        headingOrder={1}
        title="Page not found"
        message={`There is no page at ${pathname}. It may have moved, or the link is mistyped.`}
      >
        <Button component={Link} to="/agents">
          Go to agents
        </Button>
      </PageError>
    </Container>
  );
}
