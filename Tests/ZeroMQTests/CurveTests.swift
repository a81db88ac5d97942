import Foundation
import Synchronization
import Testing

@testable import ZeroMQ

/// CURVE over real loopback TCP: keys, the key directory, and the ZAP handler admitting only listed clients.
@Suite(.enabled(if: CurveKeyPair.isSupported, "this libzmq was built without CURVE"))
struct CurveTests {
    @Test func keyPairsAreFreshZ85KeysThatRoundTrip() throws {
        let first = try CurveKeyPair.generate()
        let second = try CurveKeyPair.generate()
        #expect(first.publicKey.utf8.count == 40)
        #expect(first.secretKey.utf8.count == 40)
        #expect(first != second)
        let bytes = try #require(CurveKeyPair.decode(first.publicKey))
        #expect(bytes.count == 32)
        #expect(CurveKeyPair.encode(bytes) == first.publicKey)
        #expect(CurveKeyPair.decode("too short") == nil)
        #expect(CurveKeyPair.encode([1, 2, 3]) == nil)
    }

    @Test func generatedDirectoryHoldsPrivateFilesAndListsEveryClient() throws {
        let path = NSTemporaryDirectory() + "advocate-curve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = CurveKeyDirectory(path: path)
        try directory.generate()

        let server = try directory.serverKeys()
        let clients = try CurveKeyDirectory.clientRoles.map { try directory.clientKeys(role: $0) }
        #expect(Set(clients.map(\.keyPair.publicKey)) == server.authorized)
        #expect(clients.allSatisfy { $0.serverKey == server.keyPair.publicKey })
        for name in try FileManager.default.contentsOfDirectory(atPath: path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + "/" + name)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name) is not 0600")
        }
        #expect(throws: CurveKeyError.self) { try directory.generate() }
        try directory.generate(overwrite: true)
        #expect(try directory.serverKeys().keyPair != server.keyPair)
    }

    @Test func malformedOrMissingKeyFilesAreNamedInTheError() throws {
        let path = NSTemporaryDirectory() + "advocate-curve-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = CurveKeyDirectory(path: path)
        let missing = #expect(throws: CurveKeyError.self) { try directory.clientKeys(role: "score") }
        #expect(missing?.path == path + "/server.public")
        try directory.generate()
        try Data("not-a-key\n".utf8).write(to: URL(fileURLWithPath: path + "/authorized"))
        let malformed = #expect(throws: CurveKeyError.self) { try directory.serverKeys() }
        #expect(malformed?.description.contains("authorized") == true)
        #expect(malformed?.description.contains("line 1") == true)
    }

    @Test func zapRepliesFollowRFC27() throws {
        let client = try CurveKeyPair.generate()
        let key = try #require(CurveKeyPair.decode(client.publicKey))
        let refused = Mutex<[String]>([])
        func request(_ credentials: [UInt8]) -> [[UInt8]] {
            [Array("1.0".utf8), Array("7".utf8), [], Array("10.0.0.9".utf8), [], Array("CURVE".utf8), credentials]
        }
        let admitted = CurveAuthenticator.reply(to: request(key), keys: [key]) { _, _ in }
        #expect(
            admitted.map { String(decoding: $0, as: UTF8.self) } == ["1.0", "7", "200", "OK", client.publicKey, ""])
        let stranger = [UInt8](repeating: 9, count: 32)
        let denied = CurveAuthenticator.reply(to: request(stranger), keys: [key]) { key, address in
            refused.withLock { $0.append("\(key)@\(address)") }
        }
        #expect(String(decoding: denied[2], as: UTF8.self) == "400")
        #expect(refused.withLock { $0 } == ["\(CurveKeyPair.encode(stranger) ?? "")@10.0.0.9"])
        let garbled = CurveAuthenticator.reply(to: [Array("2.0".utf8), Array("8".utf8)], keys: [key]) { _, _ in }
        #expect(String(decoding: garbled[2], as: UTF8.self) == "500")
    }

    @Test func onlyAuthorizedClientsGetThrough() throws {
        let serverPair = try CurveKeyPair.generate()
        let listed = try CurveKeyPair.generate()
        let unlisted = try CurveKeyPair.generate()
        let context = try ZMQContext()
        let refusal = DispatchSemaphore(value: 0)
        let refusedKeys = Mutex<[String]>([])
        let authenticator = try CurveAuthenticator(context: context, authorized: [listed.publicKey]) { key, _ in
            refusedKeys.withLock { $0.append(key) }
            refusal.signal()
        }
        defer { authenticator.stop() }
        let server = try Socket(.router, context: context)
        let intruder = try Socket(.dealer, context: context)
        let client = try Socket(.dealer, context: context)
        defer {
            client.close()
            intruder.close()
            server.close()
        }
        try server.useCurve(CurveServerKeys(keyPair: serverPair, authorized: [listed.publicKey]))
        try server.setReceiveTimeout(milliseconds: 10_000)
        try server.bind("tcp://127.0.0.1:*")
        let endpoint = try server.lastEndpoint()

        // The unlisted client knows the server's key, so the handshake gets as far as the ZAP handler.
        try intruder.setLinger(milliseconds: 0)
        try intruder.setRoutingID(Array("intruder".utf8))
        try intruder.useCurve(CurveClientKeys(serverKey: serverPair.publicKey, keyPair: unlisted))
        try intruder.connect(endpoint)
        try intruder.send(Array("let me in".utf8))
        #expect(refusal.wait(timeout: .now() + 10) == .success)
        #expect(refusedKeys.withLock { $0.first } == unlisted.publicKey)

        try client.setRoutingID(Array("client".utf8))
        try client.setReceiveTimeout(milliseconds: 10_000)
        try client.useCurve(CurveClientKeys(serverKey: serverPair.publicKey, keyPair: listed))
        try client.connect(endpoint)
        try client.send(Array("hello".utf8))
        let parts = try #require(try server.receiveMultipart())
        #expect(parts == [Array("client".utf8), Array("hello".utf8)])
        try server.send(parts: [Array("client".utf8), Array("welcome".utf8)])
        #expect(try client.receive() == Array("welcome".utf8))
        // The intruder's message was never taken: its connection ended at the handshake.
        #expect(try server.receiveMultipart(dontWait: true) == nil)
    }
}
