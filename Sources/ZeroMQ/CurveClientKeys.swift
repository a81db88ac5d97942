/// What a connecting stage or producer needs for CURVE: the server's public key and its own key pair.
public struct CurveClientKeys: Sendable, Hashable {
    /// The Z85 public key of the server to connect to; a server with another key is refused.
    public var serverKey: String
    public var keyPair: CurveKeyPair

    public init(serverKey: String, keyPair: CurveKeyPair) {
        self.serverKey = serverKey
        self.keyPair = keyPair
    }
}
