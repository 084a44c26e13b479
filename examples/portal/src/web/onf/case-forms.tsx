import {
  type CaseEventType,
  type ContactOutcome,
  type CorrectableField,
  caseStatuses,
  contactOutcomeSchema,
  correctableFieldSchema,
  type Directory,
  REGIONS,
  type RereviewReason,
  rereviewReasonSchema,
} from '@reshaem/core';
import {
  CaseEventForm,
  type CaseFormContext,
  CaseInput,
  CaseSelect,
  CaseText,
} from './case-form.js';
import {
  categoryTypeLabels,
  contactOutcomeLabels,
  correctableFieldLabels,
  rereviewReasonLabels,
} from './case-labels.js';
import { CloseRequestForm } from './close-request-form.js';

/** The events drawn in the lock panel rather than among the forms. */
export const lockEvents: readonly CaseEventType[] = ['case.lock', 'case.release'];

function RereviewFixForm({ ctx, directory }: { ctx: CaseFormContext; directory: Directory }) {
  const type = 'case.rereview_fix';
  const regions = [...new Set(directory.organisations.map((o) => o.regionCode))].sort();
  const named = (code: string) => REGIONS.find((r) => r.code === code)?.name ?? code;
  const keep = ['', 'не менять'] as const;
  return (
    <CaseEventForm ctx={ctx} type={type} hint="Что не выбрано, остаётся как есть.">
      <CaseSelect
        ctx={ctx}
        type={type}
        name="regionCode"
        label="Регион"
        options={[keep, ...regions.map((r) => [r, named(r)] as const)]}
      />
      <CaseInput ctx={ctx} type={type} name="municipality" label="Муниципальное образование" />
      <CaseSelect
        ctx={ctx}
        type={type}
        name="categoryType"
        label="Тип категории"
        options={[keep, ['ogv', categoryTypeLabels.ogv], ['nko', categoryTypeLabels.nko]]}
      />
      <CaseSelect
        ctx={ctx}
        type={type}
        name="topic"
        label="Категория / подкатегория"
        options={[
          keep,
          ...directory.catalogue.categories.flatMap((c) =>
            c.subcategories.map((s) => [`${c.id}/${s.id}`, `${c.name} / ${s.name}`] as const),
          ),
        ]}
      />
      <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
    </CaseEventForm>
  );
}

function SupportFixForm({ ctx }: { ctx: CaseFormContext }) {
  const type = 'case.support_fix';
  const asked = (field: CorrectableField) =>
    ctx.corrections.find((c) => c.field === field)?.value ?? '';
  return (
    <CaseEventForm
      ctx={ctx}
      type={type}
      hint="Заполнены исправления, о которых просил исполнитель; пустые поля не меняются."
    >
      {(correctableFieldSchema.options as CorrectableField[]).map((field) => (
        <CaseInput
          ctx={ctx}
          type={type}
          name={field}
          label={correctableFieldLabels[field]}
          value={asked(field)}
        />
      ))}
      <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
    </CaseEventForm>
  );
}

/** The form of one event, with the fields its schema asks for. */
function CaseForm({
  ctx,
  type,
  directory,
}: {
  ctx: CaseFormContext;
  type: CaseEventType;
  directory: Directory;
}) {
  switch (type) {
    case 'case.assign':
      return (
        <CaseEventForm ctx={ctx} type={type}>
          <CaseSelect
            ctx={ctx}
            type={type}
            name="executorId"
            label="Исполнитель"
            options={ctx.executors.map((e) => [e.id, e.name] as const)}
          />
          <CaseInput
            ctx={ctx}
            type={type}
            name="executionDueDate"
            label="Дедлайн по исполнению"
            kind="date"
            min={ctx.today}
          />
        </CaseEventForm>
      );
    case 'case.comment':
      return (
        <CaseEventForm ctx={ctx} type={type}>
          <CaseText
            ctx={ctx}
            type={type}
            name="text"
            label="Комментарий в «Ход решения»"
            required
          />
        </CaseEventForm>
      );
    case 'case.contact_attempt':
      return (
        <CaseEventForm
          ctx={ctx}
          type={type}
          hint="Звонок записывается на сегодняшний день региона карточки."
        >
          <CaseSelect
            ctx={ctx}
            type={type}
            name="outcome"
            label="Результат"
            options={(contactOutcomeSchema.options as ContactOutcome[]).map(
              (o) => [o, contactOutcomeLabels[o]] as const,
            )}
            value="no_answer"
          />
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.federal_level':
      return (
        <CaseEventForm ctx={ctx} type={type} hint="Карточка получит метку «Федеральный уровень».">
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.resolve':
      return (
        <CaseEventForm
          ctx={ctx}
          type={type}
          files
          hint="Опишите, как решено обращение: без этого куратор вернёт карточку на доработку."
        >
          <CaseText ctx={ctx} type={type} name="description" label="Описание решения" required />
          <label>
            Документы и фото (PDF, DOCX, ODT, XLSX, RTF, TXT, JPEG …; до 10 МБ каждый)
            <br />
            <input type="file" name="file" multiple />
          </label>
          <CaseInput
            ctx={ctx}
            type={type}
            name="files"
            label="Файлы без загрузки (имена через запятую)"
          />
        </CaseEventForm>
      );
    case 'case.postpone':
      return (
        <CaseEventForm ctx={ctx} type={type} hint="В 23:59 этой даты карточка вернётся в работу.">
          <CaseInput
            ctx={ctx}
            type={type}
            name="until"
            label="Решить до"
            kind="date"
            required
            min={ctx.today}
          />
          <CaseText ctx={ctx} type={type} name="reason" label="Причина" required />
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.close_request':
      return <CloseRequestForm ctx={ctx} />;
    case 'case.rereview_request':
      return (
        <CaseEventForm
          ctx={ctx}
          type={type}
          hint={`Карточка уйдёт модераторам (статус «${caseStatuses.moderation.label}»).`}
        >
          <CaseSelect
            ctx={ctx}
            type={type}
            name="reason"
            label="Причина"
            options={(rereviewReasonSchema.options as RereviewReason[]).map(
              (r) => [r, rereviewReasonLabels[r]] as const,
            )}
          />
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.rereview_fix':
      return <RereviewFixForm ctx={ctx} directory={directory} />;
    case 'case.support_request':
      return (
        <CaseEventForm
          ctx={ctx}
          type={type}
          hint="Карточка уйдёт специалисту техподдержки и вернётся в работу."
        >
          <CaseSelect
            ctx={ctx}
            type={type}
            name="field"
            label="Какое поле исправить"
            options={(correctableFieldSchema.options as CorrectableField[]).map(
              (f) => [f, correctableFieldLabels[f]] as const,
            )}
          />
          <CaseInput ctx={ctx} type={type} name="value" label="На что заменить" />
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.support_fix':
      return <SupportFixForm ctx={ctx} />;
    case 'case.accept':
      return (
        <CaseEventForm
          ctx={ctx}
          type={type}
          hint="Решение: карточка «Выполнено»; запрос на закрытие: «Закрыто»."
        >
          <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
        </CaseEventForm>
      );
    case 'case.return':
      return (
        <CaseEventForm ctx={ctx} type={type} secondary>
          <CaseText ctx={ctx} type={type} name="comment" label="Что доработать" required />
        </CaseEventForm>
      );
    default:
      return <CaseEventForm ctx={ctx} type={type} />;
  }
}

/** One form per event the user may send now, in the core's order (lock events apart). */
export function CaseForms(props: {
  ctx: CaseFormContext;
  types: readonly CaseEventType[];
  directory: Directory;
}) {
  const types = props.types.filter((t) => !lockEvents.includes(t));
  if (types.length === 0) return <p class="muted">Сейчас вам здесь нечего сделать.</p>;
  return (
    <div class="actions">
      {types.map((type) => (
        <CaseForm ctx={props.ctx} type={type} directory={props.directory} />
      ))}
    </div>
  );
}
