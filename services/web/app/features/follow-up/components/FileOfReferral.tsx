import { Button, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/QueryState.tsx';
import { fileOfReferralQuery } from '../api.ts';

/** On an accepted referral: the way to its file, once follow-up has opened it (a moment after acceptance). */
export function FileOfReferral({ caseId, referralId }: { caseId: string; referralId: string }) {
  const { t } = useTranslation();
  const query = useQuery(fileOfReferralQuery(caseId, referralId));
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => query.refetch()} />;
  if (!query.data)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('files.opening')}</Text>
      </Group>
    );
  return (
    <Button
      renderRoot={(props) => <Link {...props} to="/files/$fileId" params={{ fileId: query.data!.fileId }} />}
    >
      {t('files.openFile')}
    </Button>
  );
}
