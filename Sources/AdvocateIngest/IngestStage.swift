import AdvocateCodec
import AdvocatePostgres
import AdvocateRuntime
import AdvocateStorage
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import ZeroMQ

/// Assembles the ingest stage: the journal, the ZeroMQ loop on its own thread, and the HTTP server.
public enum IngestStage {
    /// Opens the data directory and returns the stage's services, ready for `StageRunner.run`.
    public static func services(configuration: IngestConfiguration, logger: Logger) throws -> [any Service] {
        // Before anything makes a counter: one made before the bootstrap would count into nothing.
        let registry = StageMetrics.bootstrap()
        let stores = try StoreFactory(
            dataDirectory: configuration.dataDirectory, databaseURL: configuration.databaseURL, logger: logger
        )
        // Fresh events go to scoring from memory; the durable journal answers everything else.
        let journal = try RecentJournal(
            stores.journal(partitions: configuration.partitions, powerSafe: configuration.powerSafe)
        )
        let core = IngestCore(
            journal: journal, limits: configuration.limits, hasher: ContactHasher(key: configuration.contactKey),
            logger: logger
        )
        let context = try ZMQContext()
        let gateway = try IngestGateway(context: context)
        let loop = IngestLoop(
            configuration: configuration, core: core, context: context, gateway: gateway, logger: logger)
        let maxBody = configuration.limits.maxRequestBytes * 4
        let token = configuration.token
        let http = StageHTTPServer.make(
            host: configuration.httpHost, port: configuration.httpPort, registry: registry, logger: logger,
            health: {
                let status = loop.snapshot
                return HealthReport(
                    healthy: true,
                    detail: [
                        "backlog": "\(status.backlog)", "journal_events": "\(status.journalEvents)",
                        "score_workers": "\(status.scoreWorkers.count)",
                        "reward_workers": "\(status.rewardWorkers.count)",
                    ]
                )
            },
            routes: { router in
                router.post("/v1/events") { request, _ -> Response in
                    if let token, request.headers[.authorization] != "Bearer \(token)" {
                        return jsonResponse(
                            status: .unauthorized,
                            body: #"{"error":"missing or wrong bearer token","reason":"unauthorized"}"#
                        )
                    }
                    let buffer: ByteBuffer
                    do {
                        buffer = try await request.body.collect(upTo: maxBody)
                    } catch {
                        return jsonResponse(
                            status: .contentTooLarge,
                            body:
                                #"{"accepted":0,"duplicates":0,"rejected":[],"error":"request body too large","reason":"too_large"}"#
                        )
                    }
                    let reply: IngestReply
                    do {
                        reply = try await gateway.submit(Array(buffer.readableBytesView))
                    } catch {
                        return jsonResponse(
                            status: .serviceUnavailable,
                            body: #"{"error":\#(JSONText.quoted("\(error)")),"reason":"unavailable"}"#
                        )
                    }
                    var response = jsonResponse(status: .init(code: reply.httpStatus), body: reply.json)
                    if let retry = reply.retryAfterMilliseconds {
                        response.headers[.retryAfter] = "\(max(1, (retry + 999) / 1_000))"
                    }
                    return response
                }
            }
        )
        let zmq = ThreadLoopService(name: "ingest-zmq") { stop in
            defer {
                gateway.close()
                context.shutdown()
            }
            try loop.run(until: stop)
        }
        return [zmq, http]
    }

    static func jsonResponse(status: HTTPResponse.Status, body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
