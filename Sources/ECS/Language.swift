/// The language of what ecsh explains to people: error meanings and hints, validation messages.
public enum Language: String, Sendable, CaseIterable {
    case en
    case zh

    /// The language of the locale in `environment`: the first non-empty of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` (the POSIX precedence for messages); Chinese for `zh…` (`zh_CN.UTF-8`, `zh_TW`), else English.
    public init(environment: [String: String]) {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        self = locale.map { $0.lowercased().hasPrefix("zh") } == true ? .zh : .en
    }
}
