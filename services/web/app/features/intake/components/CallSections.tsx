import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  authorLinks,
  coupleLinks,
  needs,
  offenceCategories,
  urgencies,
  vulnerabilities,
} from '../../../api/vocabulary.ts';
import { CommunePicker } from '../../../components/CommunePicker.tsx';
import { outcomes } from '../api.ts';
import type { CallValues } from '../call-body.ts';

type Form = UseFormReturnType<CallValues>;

/** Who calls: the victim or a relative (then who they are), anonymous or not. */
export function CallerSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const { caller, anonymous } = form.getValues();
  return (
    <Fieldset legend={t('call.caller.legend')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t('call.caller.legend')}
            data={[
              { value: 'victim', label: t('call.caller.victim') },
              { value: 'relative', label: t('call.caller.relative') },
            ]}
            {...form.getInputProps('caller')}
          />
          <Switch label={t('call.anonymous')} {...form.getInputProps('anonymous', { type: 'checkbox' })} />
        </Group>
        {caller === 'relative' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('call.relative.relationship')}
              required
              {...form.getInputProps('personal.caller.relationship')}
            />
            <TextInput label={t('call.relative.name')} {...form.getInputProps('personal.caller.name')} />
            <TextInput
              label={t('call.relative.phone')}
              type="tel"
              {...form.getInputProps('personal.caller.phone')}
            />
          </SimpleGrid>
        )}
        {anonymous && (
          <Text size="sm" c="dimmed">
            {t('call.anonymousHint')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

/** The victim: name, birth date, where they live, how to reach them. */
export function VictimSection({ form, firstField }: { form: Form; firstField: React.Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const { anonymous, profile } = form.getValues();
  const residenceError =
    form.errors['profile.residence.communeCode'] ?? form.errors['profile.residence.postcode'];
  return (
    <Fieldset legend={t('call.victim.legend')}>
      <Stack gap="sm">
        {!anonymous && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              ref={firstField}
              label={t('call.victim.lastName')}
              autoComplete="off"
              {...form.getInputProps('personal.identity.lastName')}
            />
            <TextInput
              label={t('call.victim.firstName')}
              autoComplete="off"
              {...form.getInputProps('personal.identity.firstName')}
            />
            <TextInput
              label={t('call.victim.birthDate')}
              placeholder={t('call.victim.birthDatePlaceholder')}
              inputMode="numeric"
              autoComplete="off"
              {...form.getInputProps('personal.birthDate')}
            />
          </SimpleGrid>
        )}
        <CommunePicker
          value={profile.residence}
          error={residenceError}
          onChange={(commune) => {
            form.setFieldValue('profile.residence.postcode', commune?.postcode ?? '');
            form.setFieldValue('profile.residence.communeCode', commune?.code ?? '');
            form.clearFieldError('profile.residence.postcode');
            form.clearFieldError('profile.residence.communeCode');
          }}
        />
        {!anonymous && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="tel"
              label={t('call.victim.phone')}
              {...form.getInputProps('personal.contact.phone')}
            />
            <TextInput
              type="email"
              label={t('call.victim.email')}
              {...form.getInputProps('personal.contact.email')}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}

/** How to reach the victim without putting them at risk: shown before anyone dials. */
export function SafeContactSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  const safe = form.getValues().profile.safeContact;
  const flag = (name: keyof typeof safe) =>
    form.getInputProps(`profile.safeContact.${name}`, { type: 'checkbox' });
  return (
    <Fieldset legend={t('call.safe.legend')}>
      <Stack gap="xs">
        <Checkbox label={t('call.safe.safeNumber')} {...flag('safeNumber')} />
        {safe.safeNumber && (
          <TextInput
            type="tel"
            label={t('call.safe.number')}
            required
            {...form.getInputProps('personal.contact.safeNumber')}
          />
        )}
        <Checkbox label={t('call.safe.safeHours')} {...flag('safeHours')} />
        {safe.safeHours && (
          <TextInput
            label={t('call.safe.hours')}
            required
            {...form.getInputProps('personal.contact.safeHours')}
          />
        )}
        <Checkbox label={t('call.safe.noVoicemail')} {...flag('noVoicemail')} />
        <Checkbox label={t('call.safe.throughThirdParty')} {...flag('throughThirdParty')} />
        {safe.throughThirdParty && (
          <TextInput
            label={t('call.safe.thirdParty')}
            required
            {...form.getInputProps('personal.contact.thirdParty')}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

/**
 * The victim's link with the author. A couple's violence needs which couple, current or former (the
 * annual report counts them apart, and orientation waits for it); otherwise it may stay unsaid.
 */
function AuthorLinkSelect({ form }: { form: Form }) {
  const { t } = useTranslation();
  const couple = form.getValues().profile.offenceCategory === 'couple-violence';
  const choices = couple ? coupleLinks : authorLinks;
  return (
    <NativeSelect
      label={t('call.situation.authorLink')}
      required={couple}
      data={[
        { value: '', label: couple ? '—' : t('call.situation.authorLinkUnset') },
        ...choices.map((value) => ({ value, label: t(`authorLink.${value}`) })),
      ]}
      {...form.getInputProps('profile.authorLink')}
      value={form.getValues().profile.authorLink ?? ''}
    />
  );
}

/** What happened, what is needed, how urgent; consent; how the call ends. */
export function SituationSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('call.situation.legend')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('call.situation.offence')}
          data={offenceCategories.map((value) => ({ value, label: t(`offence.${value}`) }))}
          {...form.getInputProps('profile.offenceCategory')}
        />
        <AuthorLinkSelect form={form} />
        <div>
          <Text size="sm" fw={500} id="urgency-label">
            {t('call.situation.urgency')}
          </Text>
          <SegmentedControl
            fullWidth
            aria-labelledby="urgency-label"
            data={urgencies.map((value) => ({ value, label: t(`urgency.${value}`) }))}
            {...form.getInputProps('profile.urgency')}
          />
        </div>
        <Checkbox.Group label={t('call.situation.needs')} {...form.getInputProps('profile.needs')}>
          <SimpleGrid cols={2} spacing={4} mt={4}>
            {needs.map((value) => (
              <Checkbox key={value} value={value} label={t(`need.${value}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('call.situation.vulnerabilities')}
          {...form.getInputProps('profile.vulnerabilities')}
        >
          <SimpleGrid cols={2} spacing={4} mt={4}>
            {vulnerabilities.map((value) => (
              <Checkbox key={value} value={value} label={t(`vulnerability.${value}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('call.situation.narrative')}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('personal.narrative')}
        />
      </Stack>
    </Fieldset>
  );
}

export function ConsentSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('call.consent.legend')}>
      <Stack gap="xs">
        <Checkbox
          label={t('call.consent.services')}
          {...form.getInputProps('profile.consent.services', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('call.consent.sharing')}
          {...form.getInputProps('profile.consent.sharing', { type: 'checkbox' })}
        />
        <NativeSelect
          label={t('call.outcome')}
          data={outcomes.map((value) => ({ value, label: t(`outcome.${value}`) }))}
          {...form.getInputProps('outcome')}
        />
      </Stack>
    </Fieldset>
  );
}
