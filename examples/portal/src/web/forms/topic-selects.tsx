import type { Directory } from '@reshaem/core';
import type { FormValues } from './parse-form.js';

/**
 * The organisation, subcategory (grouped by category) and fact selects of a message's
 * topic, shared by the submit forms and the moderator's correction. `regionCode` limits the
 * organisations to one region. Every check is the core's.
 */
export function TopicSelects(props: {
  directory: Directory;
  values: FormValues;
  regionCode?: string;
}) {
  const { directory, values } = props;
  const regions = [...new Set(directory.organisations.map((o) => o.regionCode))].filter(
    (code) => props.regionCode === undefined || code === props.regionCode,
  );
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
    </>
  );
}
