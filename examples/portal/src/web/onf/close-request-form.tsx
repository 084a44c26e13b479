import {
  type CloseReason,
  closeReasonSchema,
  closeReasons,
  closeRequirementLabels,
  MIN_CONTACT_ATTEMPT_DAYS,
} from '@reshaem/core';
import {
  CaseEventForm,
  type CaseFormContext,
  CaseInput,
  CaseText,
  refusedCaseValue,
} from './case-form.js';

/** What each requirement asks for, as the reason's line on the form says it. */
const requirementNotes = {
  comment: 'нужен комментарий с причиной',
  duplicate_number: 'нужен номер обращения, которое дублирует это',
  contact_attempts: `нужно не менее ${MIN_CONTACT_ATTEMPT_DAYS} неудачных звонков в разные дни`,
} as const;

/**
 * «Отметить невозможность исполнения»: the seven reasons, each with what it needs (seed 003
 * §9), the calls made so far, and what happens when a requirement is missing: the core does
 * not refuse the request but returns the card to the executor, naming what was missing.
 */
export function CloseRequestForm({ ctx }: { ctx: CaseFormContext }) {
  const type = 'case.close_request';
  const chosen = refusedCaseValue(ctx, type, 'reason');
  return (
    <CaseEventForm
      ctx={ctx}
      type={type}
      hint={
        <>
          Запрос уйдёт куратору на проверку. Если для причины не хватает того, что она требует,
          карточка вернётся к вам в работу с пояснением, чего не хватило.
        </>
      }
    >
      <fieldset class="reasons">
        <legend>Причина *</legend>
        {(closeReasonSchema.options as CloseReason[]).map((reason) => {
          const requires = closeReasons[reason].requires;
          return (
            <label class="reason" data-reason={reason}>
              <input
                type="radio"
                name="reason"
                value={reason}
                checked={chosen === reason}
                required
              />{' '}
              {closeReasons[reason].label}
              {requires && (
                <span class="muted" data-requires={requires}>
                  {' '}
                  — {requirementNotes[requires]}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <p class="muted" data-call-days>
        Неудачных звонков в разные дни: {ctx.failedCallDays} из {MIN_CONTACT_ATTEMPT_DAYS}.{' '}
        {ctx.failedCallDays < MIN_CONTACT_ATTEMPT_DAYS && closeRequirementLabels.contact_attempts}
      </p>
      <CaseInput ctx={ctx} type={type} name="duplicateOf" label="Номер дублируемого обращения" />
      <CaseText ctx={ctx} type={type} name="comment" label="Комментарий" />
    </CaseEventForm>
  );
}
