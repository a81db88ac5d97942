/// What a binding stage needs for CURVE: its own key pair and the public keys of the clients it admits.
public struct CurveServerKeys: Sendable, Hashable {
    public var keyPair: CurveKeyPair
    /// Z85 public keys of the clients allowed to connect; any other client is refused during the handshake.
    public var authorized: Set<String>

    public init(keyPair: CurveKeyPair, authorized: Set<String>) {
        self.keyPair = keyPair
        self.authorized = authorized
    }
}
