/**
 * A labelled multi-line field, marked ` *` when required, holding `value` (the value a
 * refused form sent back, or the field's current one).
 */
export function LabelledTextArea(props: {
  name: string;
  label: string;
  required?: boolean | undefined;
  value: string;
}) {
  return (
    <label>
      {props.label}
      {props.required ? ' *' : ''}
      <textarea name={props.name} required={props.required}>
        {props.value}
      </textarea>
    </label>
  );
}
