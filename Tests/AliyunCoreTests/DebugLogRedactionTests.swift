import AliyunCore
import Testing

/// The masking behind `--debug` and error messages, fed hostile input.
struct DebugLogRedactionTests {
    @Test(arguments: [
        // Each sensitive name, in the middle.
        ("https://h/?A=1&Password=EcsV587%21&B=2", "https://h/?A=1&Password=***&B=2"),
        ("https://h/?A=1&Signature=Ji7vdwQJhYly%2BHbUtQXzZrjqLD8%3D&B=2", "https://h/?A=1&Signature=***&B=2"),
        ("https://h/?AccessKeySecret=s3cr3t&B=2", "https://h/?AccessKeySecret=***&B=2"),
        ("https://h/?B=2&SecurityToken=CAIS%2Btoken", "https://h/?B=2&SecurityToken=***"),
        // First and last, alone, and repeated.
        ("https://h/?Password=p1", "https://h/?Password=***"),
        ("https://h/?Password=p1&Password=p2&X=1&Password=p3", "https://h/?Password=***&Password=***&X=1&Password=***"),
        // Any case, percent-encoded or `+`-spaced names.
        ("https://h/?password=p&PASSWORD=q&pAsSwOrD=r", "https://h/?password=***&PASSWORD=***&pAsSwOrD=***"),
        ("https://h/?Pass%77ord=p&%50ASSWORD=q", "https://h/?Pass%77ord=***&%50ASSWORD=***"),
        (
            "https://h/?Password+=p&%20Signature=q&Password%00=r",
            "https://h/?Password+=***&%20Signature=***&Password%00=***"
        ),
        // Values with `=` and encoded `&`, empty values, names without values.
        ("https://h/?Password=a=b%26c&D=1", "https://h/?Password=***&D=1"),
        ("https://h/?Password=&D=1", "https://h/?Password=***&D=1"),
        ("https://h/?Password&D=1", "https://h/?Password&D=1"),
        // A look-alike name keeps its value; so does a value that merely says "Password".
        ("https://h/?PasswordInherit=true&DiskId=Password", "https://h/?PasswordInherit=true&DiskId=Password"),
        // Broken escapes do not stop the masking.
        ("https://h/?Pass%zzword=p&Password=%E0%A4", "https://h/?Pass%zzword=p&Password=***"),
        // No query, a fragment, user info.
        ("https://ecs.aliyuncs.com/", "https://ecs.aliyuncs.com/"),
        ("https://h/?A=1#Password=p", "https://h/?A=1#Password=***"),
        ("https://user:hunter2@h/?A=1", "https://user:***@h/?A=1"),
        ("https://h/?&&Password=p&&", "https://h/?&&Password=***&&"),
    ])
    func urls(url: String, redacted: String) {
        #expect(Redactor.redact(url: url) == redacted)
    }

    @Test
    func formBodies() {
        #expect(
            Redactor.redact(query: "DiskId=d-1&Password=EcsV587%21&signature=abc")
                == "DiskId=d-1&Password=***&signature=***")
    }

    @Test
    func parameters() {
        let redacted = Redactor.redact(parameters: ["DiskId": "d-1", "Password": "EcsV587!", "securitytoken": "t"])
        #expect(redacted == ["DiskId": "d-1", "Password": "***", "securitytoken": "***"])
    }

    @Test
    func headers() {
        let headers = [
            "Authorization": "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host,Signature=abc",
            "x-acs-security-token": "CAIS-token", "X-ACS-SECURITY-TOKEN ": "CAIS-token-2",
            "proxy-authorization": "Basic eA==", "x-acs-action": "ReInitDisk", "host": "h",
        ]
        #expect(
            Redactor.redact(headers: headers) == [
                "Authorization": "***", "x-acs-security-token": "***", "X-ACS-SECURITY-TOKEN ": "***",
                "proxy-authorization": "***", "x-acs-action": "ReInitDisk", "host": "h",
            ])
    }

    /// A server may echo a secret in any of the encodings it went through, e.g. a v1 string to sign.
    @Test(arguments: [
        "server string to sign is:POST&%2F&Password%3DEcsV587%2521%26",
        "server string to sign is:Password=EcsV587%21&",
        "raw EcsV587! in text",
        #"{"Message":"EcsV587!"}"#,
    ])
    func scrubbingSecretsFromText(text: String) {
        let scrubbed = Redactor.scrub(text, secrets: ["EcsV587!"])
        #expect(!scrubbed.contains("EcsV587"))
        #expect(scrubbed.contains("***"))
    }

    @Test
    func scrubbingEncodedSpacesAndSlashes() {
        let secret = "a b/c\"d"
        let texts = ["a%20b%2Fc%22d", "a%2520b%252Fc%2522d", "a+b%2Fc%22d", #"a b\/c\"d"#, secret]
        for text in texts {
            #expect(Redactor.scrub("<\(text)>", secrets: [secret]) == "<***>", "\(text)")
        }
    }

    @Test
    func scrubbingWithoutSecretsChangesNothing() {
        #expect(Redactor.scrub("nothing to hide", secrets: []) == "nothing to hide")
        #expect(Redactor.scrub("nothing to hide", secrets: [""]) == "nothing to hide")
    }
}
