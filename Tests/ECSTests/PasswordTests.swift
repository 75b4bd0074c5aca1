import ECS
import Testing

struct PasswordTests {
    static let secret = "EcsV587!"

    @Test func printingNeverShowsTheSecret() {
        let password = Password(Self.secret)
        var dumped = ""
        dump(password, to: &dumped)
        var dumpedInRequest = ""
        dump(ReInitDiskRequest(diskId: "d-1", password: password), to: &dumpedInRequest)
        let renderings = [
            "\(password)", String(describing: password), String(reflecting: password), dumped, dumpedInRequest,
            "\(Optional(password) as Any)", "\([password])",
            String(reflecting: ReInitDiskRequest(diskId: "d-1", password: password)),
        ]
        for text in renderings {
            #expect(!text.contains(Self.secret), "\(text)")
        }
        #expect(password.description == "<password>")
        #expect(password.debugDescription == "<password>")
        #expect(Mirror(reflecting: password).children.isEmpty)
    }

    @Test func revealGivesTheSecret() {
        #expect(Password(Self.secret).reveal() == Self.secret)
        #expect(Password(Self.secret) == Password(Self.secret))
    }

    @Test func problemAppliesTheRule() {
        #expect(Password("EcsV587!").problem() == nil)
        #expect(Password("/EcsV587!").problem(windows: true) == .leadingSlashOnWindows)
        #expect(Password("short").problem() == .tooShort(5))
    }
}
