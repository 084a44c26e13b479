import type { Directory } from '@reshaem/core';
import type { FormValues } from './parse-form.js';

/**
 * Where a new message goes and what it is about: the organisation, then subcategory and
 * fact from the catalogue (grouped by category). Competence is the core's to check.
 */
export function TopicFields(props: { directory: Directory; values: FormValues }) {
  const { directory, values } = props;
  const regions = [...new Set(directory.organisations.map((o) => o.regionCode))];
  return (
    <>
      <label>
        Организация *
        <br />
        <select name="orgId" required>
          {regions.map((code) => (
            <optgroup label={`Регион ${code}`}>
              {directory.organisations
                .filter((o) => o.regionCode === code && !o.operatorMarker)
                .map((o) => (
                  <option value={o.id} selected={o.id === values.orgId}>
                    {o.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Подкатегория *
        <br />
        <select name="subcategoryId" required>
          {directory.catalogue.categories.map((c) => (
            <optgroup label={c.name}>
              {c.subcategories.map((s) => (
                <option value={s.id} selected={s.id === values.subcategoryId}>
                  {s.name}
                  {s.fastTrack ? ' (фаст-трек)' : ''}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label>
        Факт (необязательно)
        <br />
        <select name="factId">
          <option value="">—</option>
          {directory.catalogue.categories.flatMap((c) =>
            c.subcategories
              .filter((s) => s.facts.length > 0)
              .map((s) => (
                <optgroup label={s.name}>
                  {s.facts.map((f) => (
                    <option value={f.id} selected={f.id === values.factId}>
                      {f.name}
                    </option>
                  ))}
                </optgroup>
              )),
          )}
        </select>
      </label>
      <label>
        Адрес проблемы
        <br />
        <input name="problemAddress" size={60} value={values.problemAddress ?? ''} />
      </label>
      <fieldset>
        <legend>Точка на карте (необязательно), градусы WGS84</legend>
        <label>
          Широта{' '}
          <input
            name="lat"
            type="number"
            step="any"
            min="-90"
            max="90"
            inputMode="decimal"
            value={values.lat ?? ''}
          />
        </label>{' '}
        <label>
          Долгота{' '}
          <input
            name="lon"
            type="number"
            step="any"
            min="-180"
            max="180"
            inputMode="decimal"
            value={values.lon ?? ''}
          />
        </label>
      </fieldset>
    </>
  );
}
