import CZeroMQ

/// A libzmq call that failed, or a receiver that did not report.
enum BaselineError: Error, CustomStringConvertible {
    case call(String)
    case receiver(Int32)

    var description: String {
        switch self {
        case .call(let name):
            "zmq_\(name) failed: \(String(cString: zmq_strerror(zmq_errno())))"
        case .receiver(let status):
            "the receiving process exited with status \(status) without its figures"
        }
    }
}
