import CCurl
import Dispatch
import Foundation
import Synchronization

/// libcurl's process-wide set-up, done once before the first handle is made.
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// A request waiting for the loop thread, with the continuation of the call that sent it.
struct CurlJob: Sendable {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPResponse, any Error>

    func fail(_ kind: TransportError.Kind, _ detail: String) {
        continuation.resume(
            throwing: TransportError(kind: kind, host: CurlTransport.hostForMessages(request.url), detail: detail))
    }
}

/// One libcurl multi handle and the thread that drives it.
///
/// Callers hand requests over through `submit` and `cancel`, which only touch the locked `Shared`
/// queue and wake the thread; the thread adds easy handles to the multi handle, runs
/// `curl_multi_perform`/`curl_multi_poll`, and resumes each call's continuation when its transfer
/// is done. All libcurl calls but `curl_multi_wakeup` happen on that thread.
final class CurlMultiLoop: @unchecked Sendable {
    // Why @unchecked: `multi` is a C pointer, which Swift cannot see as Sendable. It is used by the
    // loop thread alone, except for `curl_multi_wakeup`, which libcurl allows from any thread; that
    // call is made under `shared`'s lock and only while `closing` is false, so never once the loop
    // thread has begun to tear the handle down. Every other stored property is Sendable.
    private let multi: UnsafeMutableRawPointer
    private let options: CurlTransport.Options
    private let shared = Mutex(Shared())
    private let connects = Atomic<Int>(0)
    private let lastID = Atomic<UInt64>(0)
    private let finished = DispatchSemaphore(value: 0)

    private struct Shared {
        var incoming: [CurlJob] = []
        var cancellations: [UInt64] = []
        var closing = false
    }

    /// Most easy handles kept for reuse between transfers.
    private static let spareHandleLimit = 16

    init(options: CurlTransport.Options) {
        precondition(curlGlobalInit == CURLE_OK, "curl_global_init failed")
        guard let multi = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        self.multi = multi
        self.options = options
        let perHost = max(1, options.maxConnectionsPerHost)
        _ = ecsh_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, perHost)
        // The connection cache: room for every host connection of a few hosts.
        _ = ecsh_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, 2 * perHost))
        let thread = Thread { [self] in run() }
        thread.name = "ecsh-curl"
        thread.start()
    }

    var connectionsOpened: Int { connects.load(ordering: .relaxed) }

    func makeID() -> UInt64 { lastID.wrappingAdd(1, ordering: .relaxed).newValue }

    /// Queues a job for the loop thread, or fails it at once if the calling task is already
    /// cancelled or the loop is shutting down.
    func submit(_ job: CurlJob) {
        let refusal: (TransportError.Kind, String)? = shared.withLock { shared in
            if shared.closing { return (.cancelled, "the transport was shut down") }
            // Checked under the lock that `cancel` takes: a cancellation that comes before this
            // check is seen here, one that comes after finds the job queued.
            if Task.isCancelled { return (.cancelled, "cancelled before sending") }
            shared.incoming.append(job)
            curl_multi_wakeup(multi)
            return nil
        }
        if let (kind, detail) = refusal { job.fail(kind, detail) }
    }

    /// Cancels a job: at once if it is still queued, else by asking the loop thread to drop its
    /// transfer. Unknown or finished jobs are ignored.
    func cancel(_ id: UInt64) {
        let queued: CurlJob? = shared.withLock { shared in
            if let index = shared.incoming.firstIndex(where: { $0.id == id }) {
                return shared.incoming.remove(at: index)
            }
            if !shared.closing {
                shared.cancellations.append(id)
                curl_multi_wakeup(multi)
            }
            return nil
        }
        queued?.fail(.cancelled, "cancelled before sending")
    }

    /// Fails every job, stops the loop thread and waits for it to release libcurl's handles.
    func shutdown() {
        let first = shared.withLock { shared in
            if shared.closing { return false }
            shared.closing = true
            curl_multi_wakeup(multi)
            return true
        }
        if first { finished.wait() }
    }

    // MARK: - The loop thread

    private func run() {
        var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        var spare: [CurlEasyHandle] = []

        func recycle(_ handle: CurlEasyHandle) {
            curl_easy_reset(handle.pointer)
            if spare.count < Self.spareHandleLimit { spare.append(handle) }
        }

        func remove(_ transfer: CurlTransfer) {
            active[transfer.handle.pointer] = nil
            curl_multi_remove_handle(multi, transfer.handle.pointer)
        }

        while true {
            let (jobs, cancellations, closing) = shared.withLock { shared in
                defer {
                    shared.incoming.removeAll()
                    shared.cancellations.removeAll()
                }
                return (shared.incoming, shared.cancellations, shared.closing)
            }

            for id in cancellations {
                guard let transfer = active.values.first(where: { $0.job.id == id }) else { continue }
                remove(transfer)
                transfer.job.fail(.cancelled, "cancelled by the caller")
                recycle(transfer.handle)
            }

            if closing {
                for transfer in active.values {
                    remove(transfer)
                    transfer.job.fail(.cancelled, "the transport was shut down")
                }
                for job in jobs { job.fail(.cancelled, "the transport was shut down") }
                break
            }

            for job in jobs {
                guard let handle = spare.popLast() ?? CurlEasyHandle() else {
                    job.fail(.invalidRequest, "curl_easy_init failed")
                    continue
                }
                let transfer = CurlTransfer(job: job, handle: handle)
                let configured = transfer.configure(options)
                guard configured == CURLE_OK else {
                    job.fail(.invalidRequest, String(cString: curl_easy_strerror(configured)))
                    recycle(handle)
                    continue
                }
                let added = curl_multi_add_handle(multi, handle.pointer)
                guard added == CURLM_OK else {
                    job.fail(.invalidRequest, String(cString: curl_multi_strerror(added)))
                    recycle(handle)
                    continue
                }
                active[handle.pointer] = transfer
            }

            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)

            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                    let transfer = active[easy]
                else { continue }
                let code = message.pointee.data.result  // read before the handle is removed
                remove(transfer)
                connects.add(transfer.newConnections, ordering: .relaxed)
                transfer.finish(code)
                recycle(transfer.handle)
            }

            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }

        active.removeAll()
        spare.removeAll()
        curl_multi_cleanup(multi)
        finished.signal()
    }
}
