/** Citizens: the profile that prefills every form, the document vault, and sign-in with a phone number. */
export * from "./citizens.contract.ts";
export { checkCitizenIdNumber, citizenIdNumberSchema } from "./citizen-id.ts";
export { checkPhone, phoneSchema } from "./phone.ts";
export { getProfile, getProfileForPrefill } from "./use-cases/get-profile.ts";
export { saveProfile } from "./use-cases/save-profile.ts";
export { requestPhoneCode, PHONE_CODE, maskPhone } from "./use-cases/request-phone-code.ts";
export { verifyPhoneCode } from "./use-cases/verify-phone-code.ts";
export { addToVault, vaultItemFile, listVault, getVaultFile, removeFromVault, uploadToVault, type VaultItem } from "./use-cases/vault.ts";
export { citizenAccountFor } from "./use-cases/citizen-accounts.ts";
