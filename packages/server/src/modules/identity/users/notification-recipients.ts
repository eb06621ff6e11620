import { type Person, provideRecipientSource } from '../../notifications/index.js';
import * as repo from './recipients.repository.js';

/**
 * Identity lets messages address its people: a user by id, every holder of a role by role
 * code, the members of a department by id (with `include_children`, of its sub-departments
 * too). Name, email and mobile come from the user's profile; the notification center adds
 * IM ids and locale from its own profile table.
 */
const person = (u: repo.RecipientUser): Person => ({
  user_id: u.id,
  name: u.full_name,
  email: u.email,
  phone: u.phone,
  active: u.status === 'active',
});

provideRecipientSource({
  type: 'user',
  module: 'identity',
  description: 'A user, by id',
  async resolve(db, refs) {
    const users = await repo.recipientUsersByIds(
      db,
      refs.map((r) => r.id ?? ''),
    );
    return refs.map((r) => {
      const user = users.find((u) => u.id === r.id);
      return user ? [person(user)] : { error: 'no such user' };
    });
  },
});

provideRecipientSource({
  type: 'role',
  module: 'identity',
  description: 'Every user holding a role, by role code',
  async resolve(db, refs) {
    const rows = await repo.recipientUsersByRoleCodes(
      db,
      refs.map((r) => r.code ?? r.id ?? ''),
    );
    return refs.map((r) => rows.filter((row) => row.role_code === (r.code ?? r.id)).map(person));
  },
});

provideRecipientSource({
  type: 'department',
  module: 'identity',
  description: 'The members of a department by id (include_children: its sub-departments too)',
  async resolve(db, refs) {
    const departments = await repo.departmentPaths(
      db,
      refs.map((r) => r.id ?? ''),
    );
    return Promise.all(
      refs.map(async (r) => {
        const department = departments.find((d) => d.id === r.id);
        if (!department) return { error: 'no such department' };
        return (await repo.recipientUsersInDepartment(db, department, r.include_children === true)).map(
          person,
        );
      }),
    );
  },
});
