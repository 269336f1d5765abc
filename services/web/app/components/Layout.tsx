import {
  AppShell,
  Badge,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLiveUpdates } from '../api/live.ts';
import type { Actor } from '../features/session/api.ts';
import { useSignOut } from '../features/session/api.ts';
import { changeLanguage, type Language, languages } from '../i18n/index.ts';
import { menuOf } from '../navigation.ts';

/** The frame of every signed-in screen: who is signed in, the role's menu, language, live status. */
export function Layout({ actor }: { actor: Actor }) {
  const { t, i18n } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const signOut = useSignOut();
  const navigate = useNavigate();
  const live = useLiveUpdates();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} />
            <Title order={2} size="h4">
              Parcours
            </Title>
            <Badge
              variant="dot"
              color={live === 'open' ? 'green' : 'gray'}
              aria-live="polite"
              title={t(`live.${live}`)}
            >
              {t(`live.${live}`)}
            </Badge>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="sm">
              {actor.name} · {actor.roles.map((role) => t(`roles.${role}`)).join(', ')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-label={t('language.label')}
              value={i18n.language}
              onChange={(value) => void changeLanguage(value as Language)}
              data={languages.map((language) => ({ value: language, label: language.toUpperCase() }))}
            />
            <Button
              size="xs"
              variant="subtle"
              onClick={() => signOut.mutate(undefined, { onSettled: () => navigate({ to: '/sign-in' }) })}
            >
              {t('actions.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        {menuOf(actor).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            variant="filled"
            active={pathname.startsWith(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
