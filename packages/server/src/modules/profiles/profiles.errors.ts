import { defineErrorCodes } from '../../platform/errors.js';

/** The profiles module's domain error codes (numbers assigned by the coordinator). */
export const profilesErrors = defineErrorCodes('profiles', {
  PROFILE_SCOPE_INVALID: {
    family: 'VALIDATION',
    api: 40023,
    description: 'The platform profile takes scope id "*"; other scopes need a non-empty id',
  },
  PROFILE_CERTIFICATE_REJECTED: {
    family: 'VALIDATION',
    api: 40024,
    description: 'The signing certificate does not meet the signing profile’s certificate policy',
  },
  PROFILE_SETTING_REFUSED: {
    family: 'VALIDATION',
    api: 40022,
    description:
      'A value the signing profile refuses: an appearance font or caption language the engine lacks, or a reason outside its list',
  },
  PROFILE_MEANING_REFUSED: {
    family: 'VALIDATION',
    api: 40028,
    description: 'The signature meaning is not one the signing profile allows',
  },
  PROFILE_SEAL_MISMATCH: {
    family: 'VALIDATION',
    api: 40065,
    description: 'The signing profile names another seal: only that one is applied under it',
  },
  PROFILE_CERTIFICATE_UNUSABLE: {
    family: 'VALIDATION',
    api: 40066,
    description:
      'The certificate the signing profile names cannot sign: not of the seal’s organisation, or revoked, expired or unknown',
  },
  PROFILE_VERSION_CONFLICT: {
    family: 'CONFLICT',
    api: 40983,
    description: 'Someone saved a newer version of the profile; reload and edit that one',
  },
});
