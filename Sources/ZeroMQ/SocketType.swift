import CZeroMQ

/// The socket patterns the pipeline uses.
public enum SocketType: Sendable, Hashable, CaseIterable {
    case req
    case rep
    case dealer
    case router
    case push
    case pull
    case pub
    case sub
    case pair

    var rawValue: Int32 {
        switch self {
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pub: ZMQ_PUB
        case .sub: ZMQ_SUB
        case .pair: ZMQ_PAIR
        }
    }
}
