// What the web client tells its user when examples/server answers with a
// problem: the enum entry for the switch, the const entry for a set.
import { ErrorCode, errorCodeMessages, parseProblem, type Language } from "@errgen/codes";
import { ErrorCode as Code, HTTPCode as Status } from "@errgen/codes/const";

/** Codes after which the same request may succeed if sent again later. */
export const retryLater: ReadonlySet<number> = new Set([Code.TooManyRequests, Status.Timeout, Status.ServiceUnavailable]);

export async function explain(res: Response, lang: Language): Promise<string> {
  const problem = parseProblem(await res.json());
  if (problem === undefined) {
    return `HTTP ${res.status}`;
  }
  switch (problem.code) {
    case ErrorCode.ChannelNotFound:
      return lang === "ko" ? "채널이 없어졌습니다." : "This channel is gone.";
    case ErrorCode.AlreadyMember:
      return lang === "ko" ? "이미 이 채널의 멤버입니다." : "You are in this channel already.";
    case ErrorCode.FileSizeLimitExceeded:
    case ErrorCode.SessionNotFound:
      return problem.detail ?? errorCodeMessages[lang][problem.code];
    default:
      return problem.title;
  }
}
