export {
  localDateCode,
  MESSAGE_NUMBER_PATTERN,
  messageNumber,
  type NumberRequest,
  numberRequestOf,
  PENDING_NUMBER,
} from './message-number.js';
