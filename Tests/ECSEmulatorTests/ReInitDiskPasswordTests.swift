import ECS
import ECSEmulator
import Testing

struct ReInitDiskPasswordTests {
    @Test(arguments: [
        "EcsV587!",  // the API document's example
        "Abcdefg1",  // upper, lower, digit: exactly 8
        "abcdefg1!",  // lower, digit, special
        "ABCDEFG1!",  // upper, digit, special
        "Abcdefgh!",  // upper, lower, special
        "Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa",  // exactly 30
        "/Abcdefg1",  // a leading slash is fine off Windows
    ])
    func goodPasswords(_ password: String) {
        #expect(PasswordRule.problem(with: password) == nil)
    }

    @Test(arguments: Array(PasswordRule.specials))
    func everySpecialCharacterCounts(_ special: Character) {
        // Upper, lower and the special: three kinds only with the special counted.
        #expect(PasswordRule.problem(with: "Abcdefgh\(special)") == nil)
        #expect(PasswordRule.problem(with: "abcdefg1\(special)") == nil)
    }

    @Test(arguments: [
        ("Ab1!", PasswordRule.Problem.tooShort(4)),
        ("Abcde1!", .tooShort(7)),
        ("Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1!Aa1", .tooLong(31)),
        ("abcdefgh", .tooFewKinds(missing: [.upperCase, .digit, .special])),
        ("abcdefgh1", .tooFewKinds(missing: [.upperCase, .special])),
        ("ABCDEFGH!", .tooFewKinds(missing: [.lowerCase, .digit])),
        ("12345678!", .tooFewKinds(missing: [.upperCase, .lowerCase])),
        ("Abc defg1", .forbiddenCharacter(position: 4, .space)),
        ("Abcdefg1\"", .forbiddenCharacter(position: 9, .doubleQuote)),
        ("Abcdefg1\\", .forbiddenCharacter(position: 9, .backslash)),
        ("Abcdefg1é", .forbiddenCharacter(position: 9, .nonASCII)),
        ("Abcdefg1密", .forbiddenCharacter(position: 9, .nonASCII)),
        ("Abcdefg1\t", .forbiddenCharacter(position: 9, .control)),
    ])
    func badPasswords(_ password: String, _ problem: PasswordRule.Problem) {
        #expect(PasswordRule.problem(with: password) == problem)
        #expect(PasswordRule.problem(with: password, windows: true) == problem)
    }

    @Test func windowsPasswordMayNotStartWithASlash() {
        #expect(PasswordRule.problem(with: "/Abcdefg1", windows: true) == .leadingSlashOnWindows)
        #expect(PasswordRule.problem(with: "Abcdefg1/", windows: true) == nil)
        #expect(PasswordRule.problem(with: "/Abcdefg1", windows: false) == nil)
    }

    /// Through the handler: the rule decides between success and `InvalidPassword.Malformed`.
    @Test(arguments: [
        ("d-bp1oksystem000001", "EcsV587!", true),
        ("d-bp1oksystem000001", "/EcsV587!", true),
        ("d-bp1oksystem000001", "short1!", false),
        ("d-bp1oksystem000001", "alllowercase", false),
        ("d-bp1okwindows00001", "EcsV587!", true),
        ("d-bp1okwindows00001", "/EcsV587!", false),
        ("d-bp1okdataempty001", "EcsV587!", true),
    ])
    func handlerAppliesTheRule(_ diskId: String, _ password: String, _ accepted: Bool) throws {
        var world = try Fixture.sandbox()
        let call = { () throws(APIError) in
            try Fixture.call(
                ReInitDiskHandler(), ["DiskId": diskId, "Password": password], in: &world, clock: Fixture.clock())
        }
        if accepted {
            #expect(throws: Never.self) { try call() }
        } else {
            #expect(throws: ReInitDiskErrorTests.error("InvalidPassword.Malformed")) { try call() }
        }
    }
}
