import { defineErrorCodes } from '../../platform/errors.js';

/**
 * The module's domain error codes, inside the platform's families: each a free number of
 * its family (the boot check refuses a number two modules claim).
 * @templateNote The example uses the x9x range so it never takes a number a real module
 * wants; `npm run new-module` gives the copy free numbers.
 */
export const exampleErrors = defineErrorCodes('example', {
  WIDGET_NAME_TAKEN: {
    family: 'CONFLICT',
    api: 40991,
    description: 'The owner already has a widget of that name',
  },
  WIDGET_SELF_REVIEW: {
    family: 'FORBIDDEN',
    api: 40391,
    description: 'Nobody approves or rejects their own widget (four-eyes rule)',
  },
});
