// The form where a citizen types the 6 digits sent to a phone: phone sign-in and the profile's phone verification.
import type { Translate } from "../../../platform/i18n/i18n.ts";
import { Button, CsrfField, type FormState, TextField } from "../../../platform/views/components.tsx";
import { maskPhone, PHONE_CODE } from "../use-cases/request-phone-code.ts";

export function PhoneCodeForm(props: { t: Translate; csrfToken: string; form: FormState; phone: string; action: string; submit: string }) {
  const { t } = props;
  return (
    <>
      <p>{t("citizens.phoneSignIn.sentTo", { phone: maskPhone(props.phone), minutes: PHONE_CODE.ttlMinutes })}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.csrfToken} />
        <TextField
          t={t}
          form={props.form}
          name="code"
          label={t("citizens.phoneSignIn.code")}
          hint={t("citizens.phoneSignIn.codeHint")}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
        />
        <Button>{props.submit}</Button>
      </form>
    </>
  );
}
