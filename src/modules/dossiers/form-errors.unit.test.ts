// The application form's errors as a person reads them: choices named in words, in the order of the form.
import { describe, expect, it } from "vitest";
import { registerModuleMessages } from "../../module-messages.ts";
import { localizeField } from "../../platform/http/app-error.ts";
import { translator } from "../../platform/i18n/i18n.ts";
import { inFieldOrder } from "../../platform/views/components.tsx";
import { ProcedureDefinition } from "../procedures/index.ts";
import { dossierFieldOrder, foldPrefilledErrors } from "./dossier-form.tsx";
import { checkFiling } from "./use-cases/check-filing.ts";
import { aDocument, aProcedureInput } from "../../../test/support/procedure-factories.ts";

registerModuleMessages();

const def = ProcedureDefinition.parse(
  aProcedureInput({
    deliveryMethods: ["desk", "post"],
    documents: [aDocument("declaration", "Tờ khai")],
    form: [
      { key: "applicantBirthDate", label: "Ngày sinh người yêu cầu", type: "date", prefill: "birthDate" },
      {
        key: "status",
        label: "Tình trạng hôn nhân",
        type: "choice",
        options: [
          { value: "single", label: "Chưa kết hôn" },
          { value: "divorced", label: "Đã ly hôn" },
        ],
      },
    ],
  }),
);
const vi = translator("vi");
const now = new Date("2026-02-12T03:00:00Z");
const filing = (over: Record<string, unknown> = {}) =>
  checkFiling(
    def,
    { applicant: { fullName: "Đỗ Văn Nam", phone: "0912345678" }, form: {}, documents: [], delivery: {}, assistedConsent: null, intent: "submit", ...over },
    { assisted: true, attachedBefore: new Set(), now },
  );

describe("a filing's errors in plain words", () => {
  it("names the procedure's ways of delivery, the consent's and a choice field's options in words, never raw values", () => {
    const { errors } = filing({ delivery: { method: "online" }, form: { status: "widowed" } });
    const text = (field: string) => localizeField(errors.find((e) => e.field === field)!, vi);
    expect(text("delivery.method")).toBe("Chọn một cách nhận kết quả: tại bộ phận một cửa hoặc qua bưu điện");
    expect(text("form.status")).toBe("Trường “form.status”: hãy chọn Chưa kết hôn hoặc Đã ly hôn");
    expect(text("assistedConsent.method")).toBe("Ghi nhận cách người dân đồng ý cho nộp hộ: người dân ký, đồng ý bằng lời có người làm chứng hoặc điểm chỉ");
    // A missing choice says the same, not "required"; nothing shows a stored value.
    const missing = filing();
    expect(localizeField(missing.errors.find((e) => e.field === "form.status")!, vi)).toContain("Chưa kết hôn hoặc Đã ly hôn");
    expect(missing.errors.map((e) => localizeField(e, vi)).join(" ")).not.toMatch(/\b(desk|post|online|single|divorced|signature|verbal|fingerprint)\b/);
  });

  it("lists the errors in the order of the fields on the form, a hidden copy's error on the applicant field it comes from", () => {
    const { errors } = filing();
    // The use case checks delivery and consent before the form; the volunteer's page shows consent, applicant, form, documents, delivery.
    const shown = inFieldOrder(
      foldPrefilledErrors(def, errors),
      dossierFieldOrder(def, ["communeCode", "consent", "applicant", "form", "documents", "delivery"]),
    );
    expect(shown.map((e) => e.field)).toEqual(["assistedConsent.method", "applicant.birthDate", "form.status", "documents.declaration", "delivery.method"]);
    expect(errors.map((e) => e.field)).toContain("form.applicantBirthDate");
  });
});
