import CZeroMQ

/// A libzmq context: the I/O threads and the registry of `inproc://` endpoints.
///
/// Unlike sockets, a context is thread-safe, so it can be shared; each socket made from it belongs to
/// the one thread that uses it.
public final class ZMQContext: @unchecked Sendable {
    // Safe to share: libzmq documents zmq_ctx_* and zmq_socket as thread-safe.
    let handle: UnsafeMutableRawPointer

    /// Creates a context.
    /// - Parameter ioThreads: libzmq's background I/O threads; one handles about a gigabyte a second.
    /// - Throws: `ZMQError` when libzmq cannot create a context.
    public init(ioThreads: Int32 = 1) throws {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) != 0 {
            let error = ZMQError.last("zmq_ctx_set io_threads")
            zmq_ctx_term(handle)
            throw error
        }
    }

    /// Makes every blocking call on this context's sockets return with `ETERM`, so owner threads can
    /// notice and close their sockets. Safe to call more than once and from any thread.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    deinit {
        // Blocks until every socket is closed; sockets hold no reference back, so close them first.
        while zmq_ctx_term(handle) != 0 && czmq_errno() == czmq_eintr() {}
    }

    /// The version of the libzmq library linked at run time, e.g. `(4, 3, 4)`.
    public static var libraryVersion: (major: Int32, minor: Int32, patch: Int32) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (major, minor, patch)
    }
}
