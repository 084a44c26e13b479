/** A setting's state with the one button that switches it: «Включено [Выключить]». */
export function ToggleForm(props: { action: string; enabled: boolean }) {
  return (
    <form method="post" action={props.action} class="inline">
      {props.enabled ? 'Включено' : 'Выключено'}{' '}
      <button type="submit" class="secondary">
        {props.enabled ? 'Выключить' : 'Включить'}
      </button>
    </form>
  );
}
