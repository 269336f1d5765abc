import { Badge, Button, Card, Grid, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { type Commune, CommunePicker } from '../../../components/CommunePicker.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { ProblemAlert, QueryState } from '../../../components/QueryState.tsx';
import { queueQuery, type ReferralItem, routingQuery, useAnswer } from '../api.ts';
import { Reasons } from './Reasons.tsx';

/** Where the case would go from a commune, and why; then route it there with a reason. */
function RoutePanel({ item }: { item: ReferralItem }) {
  const { t } = useTranslation();
  const [commune, setCommune] = useState<Commune | null>(null);
  const [candidate, setCandidate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const key = useRef(idempotencyKey());
  const communeCode = commune?.code ?? candidate ?? undefined;
  const preview = useQuery({
    ...routingQuery({
      countryCode: 'FR',
      offenceCategory: item.offenceCategory as never,
      urgency: item.urgency as never,
      ...(communeCode ? { communeCode } : {}),
      ...(commune ? { postcode: commune.postcode } : {}),
    }),
    enabled: communeCode !== undefined,
  });
  const route = useAnswer(item.referralId);
  const officeId = preview.data?.officeId;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('queue.routeTitle')}
      </Title>
      <Reasons reasons={item.reasons} />
      {item.candidates && item.candidates.length > 0 && (
        <Group gap="xs" aria-label={t('queue.candidates')}>
          {item.candidates.map((code) => (
            <Button
              key={code}
              size="xs"
              variant={candidate === code ? 'filled' : 'light'}
              onClick={() => setCandidate(code)}
            >
              {code}
            </Button>
          ))}
        </Group>
      )}
      <CommunePicker value={{}} label={t('queue.commune')} onChange={setCommune} />
      {preview.isFetching && <Text size="sm">{t('status.loading')}</Text>}
      {preview.isError && <ProblemAlert error={preview.error} />}
      {preview.data && (
        <Card withBorder>
          <Text fw={600} size="sm">
            {t(`queue.decision.${preview.data.kind}`)} {officeId ?? ''}
          </Text>
          <Reasons reasons={preview.data.reasons} />
        </Card>
      )}
      <Textarea
        label={t('referral.reason')}
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors['reason']}
      />
      {route.isError && <ProblemAlert error={route.error} />}
      <Group>
        <Button
          disabled={!officeId}
          loading={route.isPending}
          onClick={() =>
            route.mutate(
              { answer: { kind: 'route', target: { officeId: officeId!, reason } }, key: key.current },
              {
                onError: (error) => {
                  if (error instanceof ApiError && error.status < 500) key.current = idempotencyKey();
                  if (error instanceof ApiError)
                    setErrors(fieldErrors(error.problem, ['reason', 'officeId']).byField);
                },
              },
            )
          }
        >
          {t('queue.route')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The national platform's queue: cases the rules could not place, to route by hand. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(queueQuery);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('queue.title')}
      </Title>
      <QueryState query={query}>
        {({ items }) => {
          const current = items.find((i) => i.referralId === selected);
          return items.length === 0 ? (
            <Text>{t('queue.empty')}</Text>
          ) : (
            <Grid>
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Stack gap="xs">
                  {items.map((item) => (
                    <Card
                      key={item.referralId}
                      withBorder
                      component="button"
                      type="button"
                      onClick={() => setSelected(item.referralId)}
                      aria-pressed={item.referralId === selected}
                      style={{ textAlign: 'left', cursor: 'pointer' }}
                    >
                      <Group justify="space-between">
                        <Text size="sm" fw={600}>
                          {t(`offence.${item.offenceCategory}`, { defaultValue: item.offenceCategory })}
                        </Text>
                        <Badge>{t(`urgency.${item.urgency}`)}</Badge>
                      </Group>
                      <Text size="xs" c="dimmed">
                        {t(`queue.why.${item.queueReason}`, { defaultValue: item.queueReason ?? '' })} ·{' '}
                        {formatDateTime(item.proposedAt, i18n.language)} · {item.caseId.slice(0, 8)}
                      </Text>
                    </Card>
                  ))}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                {current ? (
                  <RoutePanel key={current.referralId} item={current} />
                ) : (
                  <Text>{t('queue.pick')}</Text>
                )}
              </Grid.Col>
            </Grid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
