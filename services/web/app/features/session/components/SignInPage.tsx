import { Anchor, Button, Card, Center, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { homeOf } from '../../../navigation.ts';
import { providersQuery, useDevSignIn } from '../api.ts';

/** Development: the local issuer's users, one button each. Production: the identity provider. */
export function SignInPage() {
  const { t } = useTranslation();
  const providers = useQuery(providersQuery);
  const signIn = useDevSignIn();
  const navigate = useNavigate();
  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" w={480} padding="lg">
        <Stack>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <QueryState query={providers}>
            {(p) =>
              p.kind === 'oidc' ? (
                <Button component="a" href="/auth/sign-in">
                  {t('signIn.withProvider')}
                </Button>
              ) : (
                <Stack gap="xs">
                  <Text size="sm">{t('signIn.devUsers')}</Text>
                  {p.users.map((user) => (
                    <Button
                      key={user.user}
                      variant="light"
                      justify="space-between"
                      loading={signIn.isPending && signIn.variables === user.user}
                      onClick={() =>
                        signIn.mutate(user.user, {
                          onSuccess: (session) => navigate({ to: homeOf(session.actor) }),
                        })
                      }
                      rightSection={
                        <Text size="xs" c="dimmed" component="span">
                          {user.roles.map((role) => t(`roles.${role}`)).join(', ')}
                          {user.association ? ` · ${user.association}` : ''}
                        </Text>
                      }
                    >
                      {user.name}
                    </Button>
                  ))}
                </Stack>
              )
            }
          </QueryState>
          {signIn.isError && <ProblemAlert error={signIn.error} />}
          <Text size="xs" c="dimmed">
            {t('signIn.help')}{' '}
            <Anchor href="tel:116006" underline="always">
              116 006
            </Anchor>
          </Text>
        </Stack>
      </Card>
    </Center>
  );
}
