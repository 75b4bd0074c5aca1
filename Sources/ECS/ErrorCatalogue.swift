/// Bilingual explanations of the error codes a user of ecsh meets: every code of ReInitDisk's error table,
/// the ones of the calls around it, and the gateway's (signature, credentials, throttling).
///
/// A code is looked up exactly, first as the given action's own wording (`IncorrectInstanceStatus` means
/// something else for StartInstance than for ReInitDisk), then for any action; failing that, by its
/// family (`InvalidSecurityToken.Expired` → `InvalidSecurityToken.`), the longest matching prefix winning.
public enum ErrorCatalogue {
    public static func explanation(for code: String, action: String?, language: Language) -> ErrorExplanation? {
        entry(for: code, action: action)?.explanation(language)
    }

    /// The codes explained exactly (families aside), for listing and tests.
    public static var codes: [String] {
        (Array(reInitDiskEntries.keys) + Array(commonEntries.keys)).sorted()
    }

    static func entry(for code: String, action: String?) -> Entry? {
        if let action, let entry = actionEntries[action]?[code] { return entry }
        if let entry = reInitDiskEntries[code] ?? commonEntries[code] { return entry }
        return familyEntries.filter { code.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }?.entry
    }

    /// One code's explanation in each language.
    struct Entry: Sendable {
        let en: ErrorExplanation
        let zh: ErrorExplanation

        init(_ meaning: String, _ hint: String, zh zhMeaning: String, _ zhHint: String) {
            en = ErrorExplanation(meaning: meaning, hint: hint)
            zh = ErrorExplanation(meaning: zhMeaning, hint: zhHint)
        }

        func explanation(_ language: Language) -> ErrorExplanation {
            switch language {
            case .en: en
            case .zh: zh
            }
        }
    }
}
