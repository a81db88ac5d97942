import AdvocateRuntime
import AdvocateStorage
import Foundation
import Hummingbird
import Logging
import NIOCore

/// The reward stage's own HTTP routes: operators approve or reject held rewards here, and coupon codes are
/// checked here. Approval issues exactly once (the ledger refuses to review an entry that is not held) and
/// fulfils what it issues.
public struct RewardAPI: Sendable {
    let store: any RewardStore
    let publisher: RewardPublisher
    let token: String?
    let logger: Logger
    let codes: @Sendable () -> String

    public init(
        store: any RewardStore, publisher: RewardPublisher, token: String?, logger: Logger,
        codes: @escaping @Sendable () -> String = CouponCode.generate
    ) {
        self.store = store
        self.publisher = publisher
        self.token = token
        self.logger = logger
        self.codes = codes
    }

    /// Adds `POST /v1/rewards/{id}/approve|reject` and `GET /v1/coupons/{code}`.
    public func register(_ router: Router<BasicRequestContext>) {
        router.post("/v1/rewards/:id/approve") { request, context in
            await review(request, id: context.parameters.get("id") ?? "", approve: true)
        }
        router.post("/v1/rewards/:id/reject") { request, context in
            await review(request, id: context.parameters.get("id") ?? "", approve: false)
        }
        router.get("/v1/coupons/:code") { request, context in
            let typed = context.parameters.get("code") ?? ""
            return await guarded(request) {
                guard let code = CouponCode.normalized(typed) else {
                    return (
                        .ok,
                        "{\"code\":\(RewardNotice.quoted(typed)),\"valid\":false,\"reason\":\"not a well-formed code\"}"
                    )
                }
                guard let entry = try store.coupon(code: code) else {
                    return (.ok, "{\"code\":\(RewardNotice.quoted(code)),\"valid\":false,\"reason\":\"no such code\"}")
                }
                let valid = entry.status == .issued
                return (
                    .ok,
                    "{\"code\":\(RewardNotice.quoted(code)),\"valid\":\(valid),\"reward\":\(RewardNotice.quoted(entry.id)),"
                        + "\"customer\":\(RewardNotice.quoted(entry.customer)),\"status\":\"\(entry.status.rawValue)\","
                        + "\"value\":\(entry.value.decimalString)}"
                )
            }
        }
    }

    private func review(_ request: Request, id: String, approve: Bool) async -> Response {
        let note = request.uri.queryParameters.get("note").map { String($0) } ?? "by an operator"
        return await guarded(request) {
            let existing = try store.entry(id: id)
            let isCoupon = existing?.kind == "coupon"
            let entry = try store.review(
                id: id, approve: approve, code: approve && isCoupon ? codes() : nil, note: note)
            if approve { publisher.enqueue([RewardNotice(event: "issued", entry: entry)]) }
            BudgetGauges.update(store: store, logger: logger)
            logger.notice(
                approve ? "held reward approved" : "held reward rejected",
                metadata: ["reward.id": "\(id)", "reward.status": "\(entry.status.rawValue)"])
            return (.ok, RewardNotice(event: entry.status.rawValue, entry: entry).json)
        }
    }

    private func guarded(
        _ request: Request, _ body: @escaping @Sendable () throws -> (HTTPResponse.Status, String)
    ) async -> Response {
        if let token, request.headers[.authorization] != "Bearer \(token)" {
            return Self.response(.unauthorized, "{\"error\":\"missing or wrong bearer token\"}")
        }
        do {
            let (status, body) = try await BlockingWork.run(body)
            return Self.response(status, body)
        } catch let error as RewardStoreError {
            let status: HTTPResponse.Status
            switch error.kind {
            case .notFound: status = .notFound
            case .notHeld: status = .conflict
            }
            return Self.response(status, "{\"error\":\(RewardNotice.quoted(error.description))}")
        } catch {
            return Self.response(.internalServerError, "{\"error\":\(RewardNotice.quoted("\(error)"))}")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
