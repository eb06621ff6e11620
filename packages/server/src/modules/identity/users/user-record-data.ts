import { isId } from '../../../platform/db/ids.js';
import type { RecordDataProvider } from '../../../platform/record-data.js';
import { dataScopeOf } from '../sessions/principal-details.js';
import { findUserInScope } from './users.repository.js';

/**
 * A user as record data for other modules (a template addressed to an employee): the
 * fields other modules may know, never secrets; read through the reader's data scope, so a
 * user outside it reads as absent.
 */
export const userRecordData: RecordDataProvider = {
  entityType: 'user',
  description: 'A user account: username, full name, email, department',
  permission: 'identity.user.read',
  fields: [
    { name: 'username', label: 'Username', type: 'text' },
    { name: 'full_name', label: 'Full name', type: 'text' },
    { name: 'email', label: 'Email', type: 'text' },
    { name: 'department_id', label: 'Department id', type: 'text' },
  ],
  async load(_ctx, db, reader, id) {
    if (!reader.principal || !isId(id)) return null;
    const user = await findUserInScope(db, dataScopeOf(reader.principal), id);
    if (!user) return null;
    return {
      username: user.username,
      full_name: user.full_name,
      email: user.email ?? '',
      department_id: user.department_id ?? '',
    };
  },
};
