import type { Directory, Message } from '@reshaem/core';
import type { FormValues } from './parse-form.js';

/** What the moderator's correction form shows: the selects' catalogue and current values. */
export interface TopicFormData {
  directory: Directory;
  /** The message's region: the recipient is chosen among its organisations. */
  regionCode: string;
  /** The topic as it is now, as form values. */
  current: FormValues;
}

/** The correction form's data for a message in moderation. */
export function topicFormData(message: Message, directory: Directory): TopicFormData {
  return {
    directory,
    regionCode: message.regionCode,
    current: {
      orgId: message.receivedOrgId,
      subcategoryId: message.subcategoryId,
      factId: message.factId ?? '',
    },
  };
}
