extension Socket {
    /// Makes this socket a CURVE server: traffic is encrypted, and clients are authenticated by the ZAP
    /// handler of the socket's context (`CurveAuthenticator`), which must be running before peers connect.
    /// Call before `bind`.
    public func useCurve(_ keys: CurveServerKeys) throws {
        try setCurveServer(secretKey: keys.keyPair.secretKey)
    }

    /// Makes this socket a CURVE client of the server whose public key `keys` names. Call before `connect`.
    public func useCurve(_ keys: CurveClientKeys) throws {
        try setCurveClient(
            serverKey: keys.serverKey, publicKey: keys.keyPair.publicKey, secretKey: keys.keyPair.secretKey)
    }
}
