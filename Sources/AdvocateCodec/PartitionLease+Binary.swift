extension PartitionLease {
    /// Partition and epoch as varints.
    func encode(into writer: inout BinaryWriter) {
        writer.writeVarint(UInt64(partition))
        writer.writeVarint(epoch)
    }

    init(from reader: inout BinaryReader) throws(WireDecodingError) {
        let partition = try reader.readVarint(as: UInt32.self, what: "partition")
        self.init(partition: partition, epoch: try reader.readVarint())
    }
}
