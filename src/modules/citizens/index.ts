/** Citizens: the profile that prefills every form, the document vault, and sign-in with a phone number. */
export * from "./citizens.contract.ts";
export { checkCitizenIdNumber, citizenIdNumberSchema, idDisagreement, SEXES, type Sex } from "./citizen-id.ts";
export { checkPhone, phoneSchema } from "./phone.ts";
export { getProfile, getProfileForPrefill } from "./use-cases/get-profile.ts";
export { saveProfile } from "./use-cases/save-profile.ts";
export { requestPhoneCode, PHONE_CODE, maskPhone } from "./use-cases/request-phone-code.ts";
export { verifyPhoneCode } from "./use-cases/verify-phone-code.ts";
export { verifyProfilePhone } from "./use-cases/verify-profile-phone.ts";
export { addToVault } from "./use-cases/add-to-vault.ts";
export { vaultItemFile } from "./use-cases/find-vault-item-file.ts";
export { listVault } from "./use-cases/list-vault.ts";
export { getVaultFile } from "./use-cases/get-vault-file.ts";
export { removeFromVault } from "./use-cases/remove-from-vault.ts";
export { uploadToVault } from "./use-cases/upload-to-vault.ts";
export type { VaultItem } from "./vault-item.ts";
export { citizenAccountFor, VERIFIED_CONTACT_EVENTS, verifiedCitizenIdNumber, verifiedPhoneOf } from "./use-cases/citizen-accounts.ts";
export { recordIdCardCheck } from "./use-cases/record-id-card-check.ts";
