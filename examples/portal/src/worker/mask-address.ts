/**
 * An e-mail address as the demo mailer prints it: the first letter of the mailbox and the
 * domain, `g•••@example.ru` — enough to tell recipients apart in a console, not enough to
 * write to an applicant. Logs never carry applicant data.
 *
 * @example
 * maskAddress('gromova@example.ru'); // 'g•••@example.ru'
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
