/**
 * The conditions of an approval with conditions: a numbered list of one-line texts, at least
 * one. Enter in a condition adds the next one below it; each can be removed; the problems of
 * the form's check are shown beside the condition they concern.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PlusIcon, TrashIcon } from '../../../app/components/icons';
import { translateDynamic } from '../../../app/i18n';
import { MAX_CONDITION, MAX_CONDITIONS, type DecisionProblem } from '../decision-model';

type Props = { conditions: readonly string[]; problems: readonly DecisionProblem[]; onChange: (conditions: string[]) => void };

export function ConditionsEditor({ conditions, problems, onChange }: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  // The row to focus once the changed list (a row added or removed) has rendered.
  const focusIndex = useRef<number | null>(null);
  const rows = conditions.length === 0 ? [''] : conditions;
  const listProblem = problems.find((p) => p.field === 'conditions') ?? null;

  useEffect(() => {
    if (focusIndex.current === null) return;
    listRef.current?.querySelectorAll<HTMLInputElement>('input')[focusIndex.current]?.focus();
    focusIndex.current = null;
  });

  const insertAfter = (index: number) => {
    if (rows.length >= MAX_CONDITIONS) return;
    onChange([...rows.slice(0, index + 1), '', ...rows.slice(index + 1)]);
    focusIndex.current = index + 1;
  };

  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next.length === 0 ? [''] : next);
    focusIndex.current = Math.max(0, Math.min(index, next.length - 1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      insertAfter(index);
    }
  };

  return (
    <fieldset className="conditions-editor" data-testid="decision-conditions-editor" aria-invalid={listProblem !== null}>
      <legend className="field-label">
        {t('decision.form.conditions')} <span className="required-mark">{t('decision.form.required')}</span>
        <span className="conditions-rule muted">{t('decision.form.conditionsRule')}</span>
      </legend>
      <ol ref={listRef} className="conditions-list">
        {rows.map((condition, index) => {
          const problem = problems.find((p): p is Extract<DecisionProblem, { field: 'condition' }> => p.field === 'condition' && p.index === index) ?? null;
          return (
            <li key={index} className="condition-row">
              <span className="condition-number tabular" aria-hidden="true">
                {index + 1}.
              </span>
              <div className="condition-input">
                <input
                  className="text-input"
                  data-testid="decision-condition"
                  value={condition}
                  maxLength={MAX_CONDITION + 100}
                  placeholder={index === 0 ? t('decision.form.conditionPlaceholder') : undefined}
                  aria-label={t('decision.form.conditionLabel', { number: index + 1 })}
                  aria-invalid={problem !== null || (listProblem !== null && index === 0)}
                  onChange={(event) => onChange(rows.map((c, i) => (i === index ? event.target.value : c)))}
                  onKeyDown={(event) => onKeyDown(event, index)}
                />
                {problem && (
                  <span className="field-error" data-testid="decision-field-error" data-field="condition" data-problem={problem.problem}>
                    {translateDynamic(`decision.problems.condition.${problem.problem}`, { number: index + 1, max: MAX_CONDITION })}
                  </span>
                )}
              </div>
              <button type="button" className="icon-button" aria-label={t('decision.form.removeCondition', { number: index + 1 })} title={t('decision.form.removeCondition', { number: index + 1 })} onClick={() => remove(index)} disabled={rows.length === 1 && condition === ''}>
                <TrashIcon size={14} />
              </button>
            </li>
          );
        })}
      </ol>
      <div className="conditions-actions">
        <button type="button" className="button small" data-testid="decision-add-condition" onClick={() => insertAfter(rows.length - 1)} disabled={rows.length >= MAX_CONDITIONS}>
          <PlusIcon size={14} />
          {t('decision.form.addCondition')}
        </button>
        <span className="muted small">{t('decision.form.conditionsHint')}</span>
      </div>
      {listProblem && (
        <span className="field-error" data-testid="decision-field-error" data-field="conditions" data-problem={listProblem.problem}>
          {translateDynamic(`decision.problems.conditions.${listProblem.problem}`, { max: MAX_CONDITIONS })}
        </span>
      )}
    </fieldset>
  );
}
