import type { Directory } from '@reshaem/core';
import { MapPicker } from '../map/map-picker.js';
import type { MapSettings } from '../map/map-settings.js';
import type { FormValues } from './parse-form.js';
import { TopicSelects } from './topic-selects.js';

/**
 * Where a new message goes and what it is about: the organisation, then subcategory and
 * fact from the catalogue (grouped by category). Competence is the core's to check.
 */
export function TopicFields(props: {
  directory: Directory;
  values: FormValues;
  /** The map picker under the two inputs (submit forms); absent: the inputs alone. */
  map?: MapSettings | undefined;
}) {
  const { directory, values } = props;
  return (
    <>
      <TopicSelects directory={directory} values={values} />
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
        {props.map && <MapPicker directory={directory} map={props.map} />}
      </fieldset>
    </>
  );
}
