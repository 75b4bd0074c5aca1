import CCurl
import Foundation

/// One request on its way: the easy handle's options, and what libcurl hands back through the
/// callbacks. Lives on the loop thread only; the callbacks find it through their context pointer.
final class CurlTransfer {
    let job: CurlJob
    let handle: CurlEasyHandle
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var responseHeaders: [String: String] = [:]
    private var lastHeaderName: String?
    private var body = Data()
    /// How often libcurl was about to send the request; more than once is a resend.
    private var sendAttempts = 0
    private var resendRefused = false

    /// Methods that carry no body (and no `Content-Length`) when the request has none.
    private static let bodylessMethods: Set<String> = ["GET", "HEAD", "DELETE", "OPTIONS", "TRACE"]

    init(job: CurlJob, handle: CurlEasyHandle) {
        self.job = job
        self.handle = handle
    }

    deinit { curl_slist_free_all(headerList) }

    /// Sets every option of the handle for this request; the first refused option's code, or CURLE_OK.
    func configure(_ options: CurlTransport.Options) -> CURLcode {
        let easy = handle.pointer
        let request = job.request
        var result = CURLE_OK
        func set(_ code: CURLcode) { if result == CURLE_OK { result = code } }
        func milliseconds(_ seconds: TimeInterval) -> Int { max(1, Int((seconds * 1000).rounded())) }

        handle.errorBuffer[0] = 0
        set(ecsh_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, handle.errorBuffer))
        set(ecsh_curl_setopt_string(easy, CURLOPT_URL, request.url))
        set(ecsh_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        // This machine (an `ecsh serve`) is never reached through a proxy from the environment; other hosts
        // follow http_proxy/no_proxy as libcurl reads them. Set on every request: easy handles are reused.
        let isLoopback = URLComponents(string: request.url)?.host.map(LoopbackHost.contains) ?? false
        set(ecsh_curl_setopt_string(easy, CURLOPT_NOPROXY, isLoopback ? "*" : nil))
        set(ecsh_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(ecsh_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        set(ecsh_curl_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        set(ecsh_curl_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        set(ecsh_curl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        set(ecsh_curl_setopt_long(easy, CURLOPT_TCP_KEEPIDLE, 60))
        set(ecsh_curl_setopt_long(easy, CURLOPT_TCP_KEEPINTVL, 30))
        set(ecsh_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout)))
        set(ecsh_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(request.timeout ?? options.defaultTimeout)))
        set(ecsh_curl_setopt_string(easy, CURLOPT_USERAGENT, options.userAgent))

        let sendsBody = !request.body.isEmpty || !Self.bodylessMethods.contains(request.method)
        if request.method == "HEAD" && !sendsBody {
            set(ecsh_curl_setopt_long(easy, CURLOPT_NOBODY, 1))
        } else if request.method == "GET" && !sendsBody {
            set(ecsh_curl_setopt_long(easy, CURLOPT_HTTPGET, 1))
        } else if sendsBody {
            set(ecsh_curl_setopt_long(easy, CURLOPT_POST, 1))
            set(ecsh_curl_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            if request.body.isEmpty {
                set(ecsh_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                set(
                    request.body.withUnsafeBytes { bytes in
                        ecsh_curl_setopt_pointer(
                            easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress!))
                    })
            }
            if request.method != "POST" {
                set(ecsh_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
            }
        } else {
            set(ecsh_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method))
        }

        set(buildHeaderList(sendsBody: sendsBody))
        set(ecsh_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))

        let context = Unmanaged.passUnretained(self).toOpaque()
        set(ecsh_curl_setopt_callback(easy, CURLOPT_HEADERFUNCTION, curlReceiveHeader))
        set(ecsh_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, context))
        set(ecsh_curl_setopt_callback(easy, CURLOPT_WRITEFUNCTION, curlReceiveBody))
        set(ecsh_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context))
        set(ecsh_curl_setopt_prereq(easy, curlBeforeSending))
        set(ecsh_curl_setopt_pointer(easy, CURLOPT_PREREQDATA, context))
        return result
    }

    /// The request's headers as libcurl lines, plus the lines that switch off libcurl's own
    /// `Expect: 100-continue` and form `Content-Type`.
    private func buildHeaderList(sendsBody: Bool) -> CURLcode {
        var lines: [String] = []
        var names: Set<String> = []
        for (name, value) in job.request.headers.sorted(by: { $0.key < $1.key }) {
            let lower = name.lowercased()
            if lower == "content-length" || lower == "transfer-encoding" { continue }
            names.insert(lower)
            // libcurl's syntax for a header with an empty value: `Name;`.
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        if !names.contains("expect") { lines.append("Expect:") }
        if sendsBody && !names.contains("content-type") { lines.append("Content-Type:") }
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else { return CURLE_OUT_OF_MEMORY }
            headerList = list
        }
        return CURLE_OK
    }

    /// How many connections this transfer had to open (0 when it reused one).
    var newConnections: Int {
        var count = 0
        _ = ecsh_curl_getinfo_long(handle.pointer, CURLINFO_NUM_CONNECTS, &count)
        return count
    }

    /// Resumes the caller with the response, or with the failure mapped to a `TransportError`.
    func finish(_ code: CURLcode) {
        guard code == CURLE_OK else {
            let kind: TransportError.Kind
            let detail: String
            if resendRefused {
                kind = .connectionLost
                detail = "the connection closed without a response; the request is not sent twice"
            } else {
                kind = CurlTransport.errorKind(for: code, requestStarted: sendAttempts > 0)
                let text = String(cString: handle.errorBuffer)
                detail = text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
            }
            job.fail(kind, detail)
            return
        }
        var status = 0
        _ = ecsh_curl_getinfo_long(handle.pointer, CURLINFO_RESPONSE_CODE, &status)
        job.continuation.resume(returning: HTTPResponse(status: status, headers: responseHeaders, body: body))
    }

    // MARK: - Callback bodies

    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line: an interim (1xx) response's headers are dropped.
            responseHeaders = [:]
            lastHeaderName = nil
            return
        }
        if let first = line.first, first == " " || first == "\t", let name = lastHeaderName {
            // obs-fold: a continuation of the previous header's value.
            let more = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !more.isEmpty { responseHeaders[name, default: ""] += " " + more }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { return }
        if let earlier = responseHeaders[name] {
            responseHeaders[name] = earlier + ", " + value
        } else {
            responseHeaders[name] = value
        }
        lastHeaderName = name
    }

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    /// Called by libcurl each time it is about to send the request on a connection. A second call
    /// is libcurl retrying on a fresh connection after a kept-alive one closed without answering:
    /// the server may have received the first copy, so the retry is refused.
    fileprivate func beforeSending() -> Int32 {
        sendAttempts += 1
        if sendAttempts > 1 {
            resendRefused = true
            return CURL_PREREQFUNC_ABORT
        }
        return CURL_PREREQFUNC_OK
    }
}

// libcurl callbacks: plain functions (no captures), finding their transfer through the context.

private func curlReceiveHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private func curlReceiveBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private func curlBeforeSending(
    _ context: UnsafeMutableRawPointer?, _ remoteIP: UnsafeMutablePointer<CChar>?,
    _ localIP: UnsafeMutablePointer<CChar>?, _ remotePort: Int32, _ localPort: Int32
) -> Int32 {
    guard let context else { return CURL_PREREQFUNC_OK }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().beforeSending()
}
