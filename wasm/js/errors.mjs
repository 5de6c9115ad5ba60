// The one error type of the package.

/** An engine error: `code` (invalid_input, not_found, locked, cancelled, …), `message`, and for
 *  input errors the `file`, `record` and `field` the message names. */
export class LoupeError extends Error {
  constructor({ code = 'internal', message = 'unknown error', file = '', record = '', field = '' } = {}) {
    super(message);
    this.name = 'LoupeError';
    this.code = code;
    this.file = file;
    this.record = record;
    this.field = field;
  }
  toJSON() {
    return { code: this.code, message: this.message, file: this.file, record: this.record, field: this.field };
  }
}
