import CZeroMQ

/// Waits on several sockets of one thread at once (`zmq_poll`).
public struct Poller {
    /// What to wait for on a socket.
    public struct Events: OptionSet, Sendable, Hashable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
    }

    private var sockets: [Socket] = []
    private var items: [zmq_pollitem_t] = []

    public init() {}

    /// Adds `socket`; returns its index in `poll`'s result.
    @discardableResult
    public mutating func add(_ socket: Socket, events: Events = .readable) -> Int {
        sockets.append(socket)
        items.append(zmq_pollitem_t(socket: socket.rawHandle, fd: -1, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Changes what to wait for on the socket at `index`.
    public mutating func update(_ index: Int, events: Events) {
        items[index].events = events.rawValue
    }

    /// Waits up to `timeout` milliseconds (-1 = forever) for any socket to be ready.
    /// - Returns: per socket, in the order added, the events that are ready (empty on timeout).
    /// - Throws: `ZMQError`, e.g. with `isTerminated` after the context was shut down.
    public mutating func poll(timeout milliseconds: Int) throws -> [Events] {
        for index in items.indices {
            items[index].socket = sockets[index].rawHandle
            items[index].revents = 0
        }
        while true {
            let status = items.withUnsafeMutableBufferPointer { buffer in
                zmq_poll(buffer.baseAddress, Int32(buffer.count), milliseconds)
            }
            if status >= 0 { break }
            let error = ZMQError.last("zmq_poll")
            if error.isInterrupted { continue }
            throw error
        }
        return items.map { Events(rawValue: $0.revents) }
    }
}
