import AliyunCore
import ECS

/// How a failed command is told to the user: one line with what went wrong (the service's `Code` and
/// `RequestId` when it answered), then a hint from the error catalogue in the session's language.
struct ErrorReport: Sendable {
    var message: String
    var hint: String?

    init(_ error: any Error, language: Language) {
        switch error {
        case let error as ServiceError:
            var message = "\(error.code): \(error.message)"
            if let requestId = error.requestId { message += " (RequestId \(requestId))" }
            self.message = message
            hint = ErrorCatalogue.explanation(for: error.code, action: nil, language: language)?.hint
        case let error as PreflightError:
            message = error.description
            // The checks speak English and name the API's code; in Chinese the catalogue adds what it means.
            hint = language == .zh ? Self.catalogueHints(for: error.codes, language: language) : nil
        case let error as RPCError where error.code == .outcomeUnknown:
            message = error.description
            hint =
                language == .zh
                ? "请求可能已被执行。不要直接重试：先用 `disk ID` 或 `instance ID` 查看当前状态。"
                : "The request may have been carried out. Do not simply retry: check with `disk ID` or `instance ID` first."
        default:
            message = "\(error)"
            hint = nil
        }
    }

    private static func catalogueHints(for codes: [String], language: Language) -> String? {
        let hints = codes.compactMap {
            ErrorCatalogue.explanation(for: $0, action: "ReInitDisk", language: language)?.hint
        }
        return hints.isEmpty ? nil : hints.joined(separator: "\n        ")
    }

    /// The report as printed: `FILE:LINE: error: …` in a script, `error: …` at the prompt.
    func formatted(at location: SourceLocation?, language: Language) -> String {
        let prefix = location.map { "\($0): " } ?? ""
        var text = "\(prefix)error: \(message)\n"
        if let hint {
            text += language == .zh ? "  提示：\(hint)\n" : "  hint: \(hint)\n"
        }
        return text
    }
}
