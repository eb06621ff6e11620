/** Where a profile applies; resolution goes template → department → organisation → platform. */
export type ProfileScope = 'platform' | 'organisation' | 'department' | 'template';

export interface SigningProfilesTable {
  id: string;
  scope_type: ProfileScope;
  /** Organisation name, department id or template id; '*' for the platform default. */
  scope_id: string;
  name: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

export interface SigningProfileVersionsTable {
  id: string;
  profile_id: string;
  version: number;
  /** JSON ProfileSettings. Rows are never updated: a change is a new version. */
  settings: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Tables {
    signing_profiles: SigningProfilesTable;
    signing_profile_versions: SigningProfileVersionsTable;
  }
}
