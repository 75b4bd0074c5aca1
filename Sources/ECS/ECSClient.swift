public import AliyunCore

/// The typed ECS operations ecsh uses, one per file (`ECSClient+DescribeDisks.swift`, …), over one
/// `RPCClient`, which signs, sends, retries and turns error answers into `ServiceError`.
///
/// Lists are fetched whole: every page is asked for until the answer's `TotalCount` is reached.
public struct ECSClient: Sendable {
    public let rpc: RPCClient

    public init(rpc: RPCClient) {
        self.rpc = rpc
    }
}
