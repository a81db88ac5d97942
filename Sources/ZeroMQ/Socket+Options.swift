import CZeroMQ

extension Socket {
    /// Messages queued for sending per peer before sends block or (PUB, ROUTER) drop; 0 = unlimited.
    public func setSendHighWaterMark(_ messages: Int32) throws {
        try setOption(ZMQ_SNDHWM, messages, name: "sndhwm")
    }

    /// Messages queued on receipt per peer before libzmq stops reading from it; 0 = unlimited.
    public func setReceiveHighWaterMark(_ messages: Int32) throws {
        try setOption(ZMQ_RCVHWM, messages, name: "rcvhwm")
    }

    /// How long `close()` keeps unsent messages, in milliseconds (-1 = until sent, 0 = drop at once).
    public func setLinger(milliseconds: Int32) throws {
        try setOption(ZMQ_LINGER, milliseconds, name: "linger")
    }

    /// The largest message libzmq accepts from a peer; a peer sending more is disconnected.
    public func setMaxMessageSize(bytes: Int64) throws {
        try setOption(ZMQ_MAXMSGSIZE, int64: bytes, name: "maxmsgsize")
    }

    /// The routing id a ROUTER peer sees for this socket (1 to 255 bytes).
    public func setRoutingID(_ id: [UInt8]) throws {
        try setOption(ZMQ_ROUTING_ID, bytes: id, name: "routing_id")
    }

    /// Reconnect back-off for connecting sockets: starts at `initial`, doubles up to `maximum` (ms).
    public func setReconnectInterval(initial: Int32, maximum: Int32) throws {
        try setOption(ZMQ_RECONNECT_IVL, initial, name: "reconnect_ivl")
        try setOption(ZMQ_RECONNECT_IVL_MAX, maximum, name: "reconnect_ivl_max")
    }

    /// Makes a ROUTER refuse (`EHOSTUNREACH`) messages to unknown peers instead of dropping them silently.
    public func setRouterMandatory(_ on: Bool) throws {
        try setOption(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, name: "router_mandatory")
    }

    /// Lets a new connection with a known routing id take it over (a restarted worker reuses its id).
    public func setRouterHandover(_ on: Bool) throws {
        try setOption(ZMQ_ROUTER_HANDOVER, on ? 1 : 0, name: "router_handover")
    }

    /// The settings of both ends of a work link (ingest's ROUTER, a worker's DEALER): ZMTP heartbeats, and no
    /// limit on either queue, which the protocol bounds instead (ingest sends events within each worker's credit).
    ///
    /// No receive limit is what keeps the process alive. With one, a peer that reads slowly fills its queue and
    /// libzmq stops reading that connection; if a heartbeat timeout then drops the connection, libzmq 4.3
    /// aborts the whole process (`Assertion failed: _input_stopped` or `!_io_error` in
    /// `stream_engine_base.cpp`, zeromq/libzmq#3937). Without a limit, reading never stops.
    public func useWorkLinkSettings(heartbeatInterval: Int32 = 1_000, heartbeatTimeout: Int32 = 3_000) throws {
        try setHeartbeat(interval: heartbeatInterval, timeout: heartbeatTimeout)
        try setSendHighWaterMark(0)
        try setReceiveHighWaterMark(0)
    }

    /// ZMTP heartbeats: a ping every `interval` ms; the connection is dropped after `timeout` ms of silence.
    public func setHeartbeat(interval: Int32, timeout: Int32, ttl: Int32? = nil) throws {
        try setOption(ZMQ_HEARTBEAT_IVL, interval, name: "heartbeat_ivl")
        try setOption(ZMQ_HEARTBEAT_TIMEOUT, timeout, name: "heartbeat_timeout")
        if let ttl { try setOption(ZMQ_HEARTBEAT_TTL, ttl, name: "heartbeat_ttl") }
    }

    /// Receive timeout in ms (-1 = block forever); a timed-out receive returns `nil`.
    public func setReceiveTimeout(milliseconds: Int32) throws {
        try setOption(ZMQ_RCVTIMEO, milliseconds, name: "rcvtimeo")
    }

    /// Send timeout in ms (-1 = block forever); a timed-out send reports `EAGAIN`.
    public func setSendTimeout(milliseconds: Int32) throws {
        try setOption(ZMQ_SNDTIMEO, milliseconds, name: "sndtimeo")
    }

    /// Queue messages only to completed connections (no queueing toward a peer that is not there yet).
    public func setImmediate(_ on: Bool) throws {
        try setOption(ZMQ_IMMEDIATE, on ? 1 : 0, name: "immediate")
    }

    /// Subscribes a SUB socket to messages starting with `prefix` (empty = everything).
    public func subscribe(_ prefix: [UInt8] = []) throws {
        try setOption(ZMQ_SUBSCRIBE, bytes: prefix, name: "subscribe")
    }

    /// Makes this socket a CURVE server with the given secret key (40-character Z85).
    public func setCurveServer(secretKey: String) throws {
        try setOption(ZMQ_CURVE_SERVER, 1, name: "curve_server")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(secretKey.utf8), name: "curve_secretkey")
    }

    /// Makes this socket a CURVE client of the server with `serverKey`, using its own key pair (Z85).
    public func setCurveClient(serverKey: String, publicKey: String, secretKey: String) throws {
        try setOption(ZMQ_CURVE_SERVERKEY, bytes: Array(serverKey.utf8), name: "curve_serverkey")
        try setOption(ZMQ_CURVE_PUBLICKEY, bytes: Array(publicKey.utf8), name: "curve_publickey")
        try setOption(ZMQ_CURVE_SECRETKEY, bytes: Array(secretKey.utf8), name: "curve_secretkey")
    }

    /// Whether the last frame received has more frames after it.
    public func hasMoreFrames() throws -> Bool {
        try intOption(ZMQ_RCVMORE, name: "rcvmore") != 0
    }
}
