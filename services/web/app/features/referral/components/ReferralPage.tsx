import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../../../components/format.ts';
import { QueryState } from '../../../components/QueryState.tsx';
import { FileOfReferral } from '../../follow-up/components/FileOfReferral.tsx';
import { referralQuery } from '../api.ts';
import { Reasons } from './Reasons.tsx';
import { ReferralActions } from './ReferralActions.tsx';

const route = getRouteApi('/app/referrals/$referralId');

/** One referral: the facts the office needs (no identity), why it was routed here, and the answers. */
export function ReferralPage() {
  const { t, i18n } = useTranslation();
  const { referralId } = route.useParams();
  const query = useQuery(referralQuery(referralId));
  return (
    <QueryState query={query}>
      {(referral) => (
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('referral.title', { id: referral.caseId.slice(0, 8) })}
            </Title>
            <Badge size="lg">
              {t(`referralStatus.${referral.status}`, { defaultValue: referral.status })}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Stack gap={6}>
                <Text size="sm">
                  <b>{t('fact', { label: t('referral.urgency') })}</b> {t(`urgency.${referral.urgency}`)}
                </Text>
                <Text size="sm">
                  <b>{t('fact', { label: t('referral.offence') })}</b>{' '}
                  {t(`offence.${referral.offenceCategory}`, { defaultValue: referral.offenceCategory })}
                </Text>
                <Text size="sm">
                  <b>{t('fact', { label: t('referral.needs') })}</b>{' '}
                  {referral.needs.map((n) => t(`need.${n}`, { defaultValue: n })).join(', ') || '—'}
                </Text>
                {referral.mode && (
                  <Text size="sm">
                    <b>{t('fact', { label: t('referral.mode') })}</b> {t(`referral.modes.${referral.mode}`)}
                  </Text>
                )}
                {referral.deadlines && (
                  <Text size="sm">
                    <b>{t('fact', { label: t('referral.due') })}</b>{' '}
                    {formatDateTime(referral.deadlines.dueAt, i18n.language)} (
                    {formatRelative(referral.deadlines.dueAt, i18n.language)})
                  </Text>
                )}
                {referral.target && 'officeId' in referral.target && (
                  <Text size="sm">
                    <b>{t('fact', { label: t('referral.office') })}</b> {referral.target.officeId}
                  </Text>
                )}
                <Text size="sm">
                  <b>{t('fact', { label: t('referral.case') })}</b> {referral.caseId}
                </Text>
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('referral.reasons')}
              </Title>
              <Reasons reasons={referral.reasons} />
            </Card>
          </SimpleGrid>
          {referral.status === 'accepted' && referral.target && 'officeId' in referral.target && (
            <Card withBorder>
              <FileOfReferral caseId={referral.caseId} referralId={referral.referralId} />
            </Card>
          )}
          <Card withBorder>
            <ReferralActions key={referral.status} referral={referral} />
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}
