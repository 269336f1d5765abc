import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/QueryState.tsx';
import { fileQuery, filesQuery } from '../api.ts';
import { ClosurePanel } from './FileSections.tsx';

const route = getRouteApi('/app/approvals');

/** Closure requests waiting for the office manager, each with what is still open and the decision. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { actor } = route.useRouteContext();
  const query = useQuery(filesQuery({ status: 'closure-requested', officeId: actor.office ?? '' }));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('approvals.title')}
      </Title>
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('approvals.empty')}</Text>
          ) : (
            items.map((item) => <Approval key={item.fileId} fileId={item.fileId} caseId={item.caseId} />)
          )
        }
      </QueryState>
    </Stack>
  );
}

function Approval({ fileId, caseId }: { fileId: string; caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery(fileQuery(fileId));
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('file.title', { id: caseId.slice(0, 8) })}
        </Title>
        <Anchor renderRoot={(props) => <Link {...props} to="/files/$fileId" params={{ fileId }} />}>
          {t('files.open', { id: caseId.slice(0, 8) })}
        </Anchor>
      </Group>
      <QueryState query={query}>{(file) => <ClosurePanel file={file} />}</QueryState>
    </Card>
  );
}
