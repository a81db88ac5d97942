/// Frames between stages: magic `0xAD`, version `0x01`, the message kind, then the payload. The whole
/// frame must be consumed; bytes after the payload are an error.
extension WireMessage {
    /// The first byte of every frame.
    public static let magic: UInt8 = 0xAD
    /// The frame format version this build writes and reads.
    public static let currentVersion: UInt8 = 1

    /// The message as one frame.
    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: estimatedSize)
        encode(into: &writer)
        return writer.bytes
    }

    /// Appends the message as one frame.
    public func encode(into writer: inout BinaryWriter) {
        writer.writeUInt8(WireMessage.magic)
        writer.writeUInt8(WireMessage.currentVersion)
        writer.writeUInt8(kind)
        switch self {
        case .hello(let hello):
            writer.writeString(hello.worker)
            writer.writeUInt8(hello.role.rawValue)
            writer.writeVarint(UInt64(hello.capacity))
        case .assign(let assignment):
            writer.writeVarint(UInt64(assignment.partitionCount))
            writer.writeVarint(UInt64(assignment.leases.count))
            for lease in assignment.leases { lease.encode(into: &writer) }
        case .resume(let resume):
            resume.lease.encode(into: &writer)
            writer.writeVarint(resume.after)
        case .events(let batch):
            batch.lease.encode(into: &writer)
            writer.writeVarint(UInt64(batch.entries.count))
            for entry in batch.entries {
                writer.writeVarint(entry.sequence)
                entry.event.encode(into: &writer)
            }
        case .ack(let ack):
            ack.lease.encode(into: &writer)
            writer.writeVarint(ack.through)
        case .candidates(let batch):
            writer.writeVarint(batch.batch)
            writer.writeBytes(batch.origin)
            writer.writeVarint(UInt64(batch.candidates.count))
            for candidate in batch.candidates { candidate.encode(into: &writer) }
        case .candidatesAck(let ack):
            writer.writeVarint(ack.batch)
            writer.writeBytes(ack.origin)
        case .heartbeat, .goodbye:
            break
        case .error(let error):
            writer.writeUInt16(error.code.rawValue)
            writer.writeString(error.message)
        case .forward(let batch):
            writer.writeVarint(batch.batch)
            writer.writeVarint(UInt64(batch.events.count))
            for event in batch.events { event.encode(into: &writer) }
        case .forwardAck(let ack):
            writer.writeVarint(ack.batch)
        }
    }

    /// A capacity guess that avoids regrowing the buffer for typical messages.
    private var estimatedSize: Int {
        switch self {
        case .events(let batch): 32 + batch.entries.count * 160
        case .candidates(let batch): 32 + batch.origin.count + batch.candidates.count * 128
        case .assign(let assignment): 16 + assignment.leases.count * 8
        default: 64
        }
    }

    /// Decodes one frame.
    /// - Throws: `WireDecodingError`: `badMagic`, `unsupportedVersion`, `unknownKind`, a broken or invalid
    ///   payload, or `trailingBytes` when the frame goes on after its payload.
    public init(decoding bytes: UnsafeRawBufferPointer) throws(WireDecodingError) {
        var reader = BinaryReader(bytes)
        let magic = try reader.readUInt8()
        guard magic == WireMessage.magic else { throw reader.error(.badMagic, at: 0) }
        let version = try reader.readUInt8()
        guard version == WireMessage.currentVersion else { throw reader.error(.unsupportedVersion(version), at: 1) }
        let kind = try reader.readUInt8()
        switch kind {
        case 1:
            let worker = try reader.readString(what: "worker")
            let roleOffset = reader.offset
            let roleCode = try reader.readUInt8()
            guard let role = WorkerRole(rawValue: roleCode) else {
                throw reader.error(.unknownCode(what: "worker role", value: UInt64(roleCode)), at: roleOffset)
            }
            let capacity = try reader.readVarint(as: UInt32.self, what: "capacity")
            self = .hello(WorkerHello(worker: worker, role: role, capacity: capacity))
        case 2:
            let partitionCount = try reader.readVarint(as: UInt32.self, what: "partition count")
            let count = try reader.readCount(what: "leases", minimumElementSize: 2)
            var leases: [PartitionLease] = []
            leases.reserveCapacity(count)
            for _ in 0..<count { leases.append(try PartitionLease(from: &reader)) }
            self = .assign(Assignment(partitionCount: partitionCount, leases: leases))
        case 3:
            let lease = try PartitionLease(from: &reader)
            self = .resume(Resume(lease: lease, after: try reader.readVarint()))
        case 4:
            let lease = try PartitionLease(from: &reader)
            let count = try reader.readCount(what: "entries", minimumElementSize: 5)
            var entries: [JournalEntry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let sequence = try reader.readVarint()
                entries.append(JournalEntry(sequence: sequence, event: try Event(from: &reader)))
            }
            self = .events(EventBatch(lease: lease, entries: entries))
        case 5:
            let lease = try PartitionLease(from: &reader)
            self = .ack(Ack(lease: lease, through: try reader.readVarint()))
        case 6:
            let batch = try reader.readVarint()
            let origin = try reader.readBytes(what: "origin")
            let count = try reader.readCount(what: "candidates", minimumElementSize: 6)
            var candidates: [RewardCandidate] = []
            candidates.reserveCapacity(count)
            for _ in 0..<count { candidates.append(try RewardCandidate(from: &reader)) }
            self = .candidates(CandidateBatch(batch: batch, origin: origin, candidates: candidates))
        case 7:
            let batch = try reader.readVarint()
            self = .candidatesAck(CandidateAck(batch: batch, origin: try reader.readBytes(what: "origin")))
        case 8:
            self = .heartbeat
        case 9:
            self = .goodbye
        case 10:
            let codeOffset = reader.offset
            let rawCode = try reader.readUInt16()
            guard let code = WireError.Code(rawValue: rawCode) else {
                throw reader.error(.unknownCode(what: "error", value: UInt64(rawCode)), at: codeOffset)
            }
            self = .error(WireError(code: code, message: try reader.readString(what: "error message")))
        case 11:
            let batch = try reader.readVarint()
            let count = try reader.readCount(what: "events", minimumElementSize: 5)
            var events: [Event] = []
            events.reserveCapacity(count)
            for _ in 0..<count { events.append(try Event(from: &reader)) }
            self = .forward(ForwardBatch(batch: batch, events: events))
        case 12:
            self = .forwardAck(ForwardAck(batch: try reader.readVarint()))
        default:
            throw reader.error(.unknownKind(kind), at: 2)
        }
        try reader.expectEnd()
    }

    /// Decodes one frame held in an array.
    public init(decoding bytes: [UInt8]) throws(WireDecodingError) {
        let result = bytes.withUnsafeBytes { raw -> Result<WireMessage, WireDecodingError> in
            do throws(WireDecodingError) {
                return .success(try WireMessage(decoding: raw))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }
}
