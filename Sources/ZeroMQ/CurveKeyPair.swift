import CZeroMQ

/// A CURVE key pair as libzmq uses it: two 40-character Z85 texts (32 bytes each).
public struct CurveKeyPair: Sendable, Hashable {
    /// The public key, safe to share: servers list clients' public keys, clients need the server's.
    public var publicKey: String
    /// The secret key; never leaves the host it was made for.
    public var secretKey: String

    public init(publicKey: String, secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// Whether the linked libzmq was built with CURVE (libsodium or its own TweetNaCl).
    public static var isSupported: Bool { zmq_has("curve") != 0 }

    /// A fresh random key pair.
    /// - Throws: `ZMQError` when libzmq lacks CURVE support (`ENOTSUP`).
    public static func generate() throws -> CurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        if zmq_curve_keypair(&publicText, &secretText) != 0 { throw ZMQError.last("zmq_curve_keypair") }
        return CurveKeyPair(
            publicKey: String(decoding: publicText.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self),
            secretKey: String(decoding: secretText.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        )
    }

    /// The 32 bytes a 40-character Z85 key stands for, or `nil` when `text` is not such a key.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count == 40 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 32)
        let decoded = bytes.withUnsafeMutableBufferPointer { buffer in
            zmq_z85_decode(buffer.baseAddress, (characters.map { CChar(bitPattern: $0) } + [0]))
        }
        return decoded == nil ? nil : bytes
    }

    /// The 40-character Z85 text of a 32-byte key.
    public static func encode(_ key: [UInt8]) -> String? {
        guard key.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        let encoded = key.withUnsafeBufferPointer { zmq_z85_encode(&text, $0.baseAddress, 32) }
        return encoded == nil ? nil : String(decoding: text.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
