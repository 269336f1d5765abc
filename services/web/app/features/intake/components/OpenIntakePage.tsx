import {
  Alert,
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idempotencyKey } from '../../../api/client.ts';
import { ApiError, fieldErrors } from '../../../api/problem.ts';
import { coupleLinks } from '../../../api/vocabulary.ts';
import { CommunePicker } from '../../../components/CommunePicker.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { FormFooter, QueryState, useFieldMessage } from '../../../components/QueryState.tsx';
import {
  type ConsentBody,
  type IntakeRead,
  intakeQuery,
  type ProfileChanges,
  useCompleteIntake,
} from '../api.ts';

const route = getRouteApi('/app/helpline/open-intakes/$intakeId');

/** What the service names as missing → its sentence (the names hold dots, i18next's separator). */
const missingKey: Record<string, string> = {
  authorLink: 'openIntakes.missing.authorLink',
  'residence.postcode': 'openIntakes.missing.postcode',
  'residence.communeCode': 'openIntakes.missing.commune',
  'consent.services': 'openIntakes.missing.consent',
};

interface Values {
  authorLink: string;
  commune: { postcode?: string; communeCode?: string; name?: string };
  postcode: string;
  services: boolean;
  sharing: boolean;
}

/** Field errors of either answer: the correction's body (`/body/residence/…`) or the consent's (`/body/services`). */
const fields = ['authorLink', 'residence.communeCode', 'residence.postcode', 'services'] as const;
const formField: Record<(typeof fields)[number], string> = {
  authorLink: 'authorLink',
  'residence.communeCode': 'commune',
  'residence.postcode': 'postcode',
  services: 'services',
};

function CompletionForm({ intake }: { intake: IntakeRead }) {
  const { t } = useTranslation();
  const missing = new Set(intake.missingForOrientation);
  const french = intake.profile.residence.countryCode === 'FR';
  const needsLink = missing.has('authorLink');
  const needsCommune = french && (missing.has('residence.communeCode') || missing.has('residence.postcode'));
  const needsPostcode = !french && missing.has('residence.postcode');
  const needsConsent = missing.has('consent.services');
  const form = useForm<Values>({
    initialValues: {
      authorLink: '',
      commune: {},
      postcode: '',
      services: false,
      sharing: intake.profile.consent.sharing,
    },
    validate: (values) => {
      // Completing part of it is fine (the answer says what is still missing); nothing at all is not.
      if (changesOf(values) || consentOf(values)) return {};
      if (needsLink) return { authorLink: t('openIntakes.authorLinkRequired') };
      if (needsCommune) return { commune: t('openIntakes.communeRequired') };
      if (needsPostcode) return { postcode: t('errors.field.required') };
      return { services: t('openIntakes.consentRequired') };
    },
  });
  const complete = useCompleteIntake();
  const keys = useRef({ changes: idempotencyKey(), consent: idempotencyKey() });
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const fieldMessage = useFieldMessage();

  function changesOf(values: Values): ProfileChanges | null {
    const changes: ProfileChanges = {};
    if (needsLink && values.authorLink)
      changes.authorLink = values.authorLink as (typeof coupleLinks)[number];
    if (needsCommune && values.commune.communeCode && values.commune.postcode) {
      changes.residence = {
        countryCode: 'FR',
        postcode: values.commune.postcode,
        communeCode: values.commune.communeCode,
      };
    }
    if (needsPostcode && values.postcode.trim()) {
      changes.residence = { ...intake.profile.residence, postcode: values.postcode.trim() };
    }
    return Object.keys(changes).length > 0 ? changes : null;
  }
  function consentOf(values: Values): ConsentBody | null {
    return needsConsent && values.services ? { services: true, sharing: values.sharing } : null;
  }

  const submit = form.onSubmit((values) => {
    setUnplaced([]);
    complete.mutate(
      {
        intakeId: intake.intakeId,
        changes: changesOf(values),
        consent: consentOf(values),
        keys: keys.current,
      },
      {
        onSuccess: () => {
          keys.current = { changes: idempotencyKey(), consent: idempotencyKey() };
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          // A refused body is kept by the service under its key: the corrected one needs a new key.
          if (error.status >= 400 && error.status < 500) {
            keys.current = { changes: idempotencyKey(), consent: idempotencyKey() };
          }
          const placed = fieldErrors(error.problem, fields);
          form.setErrors(
            Object.fromEntries(
              Object.entries(placed.byField).map(([f, m]) => [
                formField[f as (typeof fields)[number]],
                fieldMessage(m),
              ]),
            ),
          );
          setUnplaced(placed.unplaced);
        },
      },
    );
  });

  const answer = complete.data;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {answer && (
          <Alert color={answer.status === 'ready' ? 'green' : 'yellow'} role="status">
            {answer.status === 'ready'
              ? t('openIntakes.ready')
              : t('openIntakes.stillOpen', {
                  missing: answer.missingForOrientation.map((m) => t(missingKey[m] ?? m)).join(' ; '),
                })}
          </Alert>
        )}
        {intake.status === 'open' && intake.missingForOrientation.length > 0 && (
          <Card withBorder>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('openIntakes.missingTitle')}
              </Title>
              <List size="sm">
                {intake.missingForOrientation.map((m) => (
                  <List.Item key={m}>{t(missingKey[m] ?? m, { defaultValue: m })}</List.Item>
                ))}
              </List>
              {needsLink && (
                <NativeSelect
                  label={t('call.situation.authorLink')}
                  data={[
                    { value: '', label: '—' },
                    ...coupleLinks.map((value) => ({ value, label: t(`authorLink.${value}`) })),
                  ]}
                  {...form.getInputProps('authorLink')}
                />
              )}
              {needsCommune && (
                <CommunePicker
                  value={form.getValues().commune}
                  onChange={(commune) =>
                    form.setFieldValue(
                      'commune',
                      commune
                        ? { postcode: commune.postcode, communeCode: commune.code, name: commune.name }
                        : {},
                    )
                  }
                  error={form.errors.commune}
                />
              )}
              {needsPostcode && (
                <TextInput label={t('openIntakes.postcode')} {...form.getInputProps('postcode')} />
              )}
              {needsConsent && (
                <>
                  <Checkbox
                    label={t('call.consent.services')}
                    {...form.getInputProps('services', { type: 'checkbox' })}
                  />
                  <Checkbox
                    label={t('call.consent.sharing')}
                    {...form.getInputProps('sharing', { type: 'checkbox' })}
                  />
                </>
              )}
              <FormFooter
                error={complete.isError ? complete.error : null}
                unplaced={unplaced}
                submitting={complete.isPending}
                label={t('openIntakes.complete')}
              />
            </Stack>
          </Card>
        )}
        {intake.status === 'open' && intake.missingForOrientation.length === 0 && !answer && (
          <Text>{t('openIntakes.nothingMissing')}</Text>
        )}
        {/* Completed elsewhere, or an old link: the answer above says it when it was here. */}
        {intake.status !== 'open' && !answer && (
          <Text size="sm">
            {t('openIntakes.notOpen', {
              status: t(`intakeStatus.${intake.status}`, { defaultValue: intake.status }),
            })}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** One open intake: its facts (no identity shown) and a form for exactly what orientation still needs. */
export function OpenIntakePage() {
  const { t, i18n } = useTranslation();
  const { intakeId } = route.useParams();
  const query = useQuery(intakeQuery(intakeId));
  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/helpline/open-intakes" />}>
        {t('openIntakes.back')}
      </Anchor>
      <QueryState query={query}>
        {(intake) => (
          <Stack>
            <Group justify="space-between">
              <Title order={1} size="h2">
                {t('openIntakes.fiche', { id: intake.caseId.slice(0, 8) })}
              </Title>
              <Badge size="lg" color={intake.status === 'ready' ? 'teal.9' : 'gray.7'}>
                {t(`intakeStatus.${intake.status}`, { defaultValue: intake.status })}
              </Badge>
            </Group>
            <Card withBorder>
              <Stack gap={6}>
                <Text size="sm">
                  <b>{t('fact', { label: t('openIntakes.urgency') })}</b>{' '}
                  {t(`urgency.${intake.profile.urgency}`)}
                </Text>
                <Text size="sm">
                  <b>{t('fact', { label: t('openIntakes.offence') })}</b>{' '}
                  {t(`offence.${intake.profile.offenceCategory}`)}
                </Text>
                <Text size="sm">
                  <b>{t('fact', { label: t('openIntakes.channel') })}</b>{' '}
                  {t(`channel.${intake.details.channel}`, { defaultValue: intake.details.channel })}
                </Text>
                {intake.details.outcome && (
                  <Text size="sm">
                    <b>{t('fact', { label: t('openIntakes.outcome') })}</b>{' '}
                    {t(`outcome.${intake.details.outcome}`)}
                  </Text>
                )}
                <Text size="sm">
                  <b>{t('fact', { label: t('openIntakes.recordedAt') })}</b>{' '}
                  {formatDateTime(intake.recordedAt, i18n.language)}
                </Text>
              </Stack>
            </Card>
            {/* Keyed by the intake: the form starts again for another one. */}
            <CompletionForm key={intake.intakeId} intake={intake} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
