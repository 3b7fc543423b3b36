import { describe, expect, it } from "vitest";
import { foldSmsWords, parseSmsCommand, signSmsBody, smsSignatureValid } from "./sms-command.ts";

describe("SMS replies", () => {
  it("folds Vietnamese text to upper-case ASCII words", () => {
    expect(foldSmsWords("  Hủy  y tế! ")).toEqual(["HUY", "Y", "TE"]);
    expect(foldSmsWords("đăng ký")).toEqual(["DANG", "KY"]);
    expect(foldSmsWords("số a")).toEqual(["SO", "A"]);
  });

  it("reads STOP, HUY, TU CHOI and DK, START, with or without a category", () => {
    expect(parseSmsCommand(foldSmsWords("stop"))).toEqual({ kind: "stop", category: null });
    expect(parseSmsCommand(foldSmsWords("Từ chối"))).toEqual({ kind: "stop", category: null });
    expect(parseSmsCommand(foldSmsWords("tc"))).toEqual({ kind: "stop", category: null });
    expect(parseSmsCommand(foldSmsWords("HUY Y TE"))).toEqual({ kind: "stop", category: "health" });
    expect(parseSmsCommand(foldSmsWords("stop sự kiện"))).toEqual({ kind: "stop", category: "events" });
    expect(parseSmsCommand(foldSmsWords("dk"))).toEqual({ kind: "start", category: null });
    expect(parseSmsCommand(foldSmsWords("Đăng ký nông nghiệp"))).toEqual({ kind: "start", category: "agriculture" });
    expect(parseSmsCommand(foldSmsWords("STOP khẩn cấp"))).toEqual({ kind: "stop", category: "emergency" });
    expect(parseSmsCommand(foldSmsWords("STOP BLAH"))).toEqual({ kind: "unknownCategory", verb: "stop" });
  });

  it("leaves other first words to the keyword handlers", () => {
    expect(parseSmsCommand(["SO", "A"])).toEqual({ kind: "other", words: ["SO", "A"] });
    expect(parseSmsCommand(["STOPS"])).toEqual({ kind: "other", words: ["STOPS"] });
    expect(parseSmsCommand([])).toEqual({ kind: "other", words: [] });
  });

  it("checks the gateway's signature over the raw body", () => {
    const body = '{"from":"+84912345678","text":"STOP"}';
    const sig = signSmsBody("s3cret", body);
    expect(smsSignatureValid("s3cret", sig, body)).toBe(true);
    expect(smsSignatureValid("s3cret", `sha256=${sig.toUpperCase()}`, body)).toBe(true);
    expect(smsSignatureValid("s3cret", sig, `${body} `)).toBe(false);
    expect(smsSignatureValid("other", sig, body)).toBe(false);
    expect(smsSignatureValid("s3cret", "zz", body)).toBe(false);
    expect(smsSignatureValid("s3cret", undefined, body)).toBe(false);
  });
});
