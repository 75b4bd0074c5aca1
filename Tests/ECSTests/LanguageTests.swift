import ECS
import Testing

struct LanguageTests {
    @Test(arguments: [
        ([:], Language.en),
        (["LANG": "zh_CN.UTF-8"], .zh),
        (["LANG": "zh_TW.UTF-8"], .zh),
        (["LANG": "en_US.UTF-8"], .en),
        (["LANG": "C"], .en),
        (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"], .en),
        (["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"], .zh),
        (["LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"], .en),
        (["LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"], .zh),
        // An empty variable does not count: the next one decides.
        (["LC_ALL": "", "LANG": "zh_CN.UTF-8"], .zh),
        (["LC_ALL": "ZH_cn"], .zh),
    ])
    func fromEnvironment(_ environment: [String: String], _ expected: Language) {
        #expect(Language(environment: environment) == expected)
    }
}
